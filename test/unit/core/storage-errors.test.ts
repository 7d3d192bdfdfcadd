import { describe, expect, it } from 'vitest';
import { storageProblem } from '../../../src/core/storage-errors';

describe('storageProblem', () => {
  it.each([
    ['pins not saved: QUOTA_BYTES_PER_ITEM quota exceeded', 'too-large'],
    ['QUOTA_BYTES quota exceeded', 'too-large'],
    ['MAX_ITEMS quota exceeded', 'too-large'],
    ['settings not saved: MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'too-many-writes'],
    ['MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded', 'too-many-writes'],
    ['storage.sync is disabled', 'sync-unavailable'],
    ['something else', 'other'],
  ] as const)('%s is %s', (message, problem) => {
    expect(storageProblem(message)).toBe(problem);
  });
});
