// A venue's status written by a version that kept its reason as an English sentence still loads:
// the state, times and back-off are the user's (a venue blocked for six hours stays blocked), and
// the sentence becomes the code the popup words in the user's language.
import { describe, expect, it } from 'vitest';
import { problemFromSentence } from '../../../src/background/legacy-reason';
import { createStateStore } from '../../../src/background/state';
import type { VenueStatus } from '../../../src/messages';
import { memoryStore } from '../../integration/memory-store';

const T0 = 1_786_000_000_000;

function oldStatus(reason: string): Record<string, unknown> {
  return {
    venue: 'bitget',
    state: 'failing',
    reason,
    lastSuccessAt: T0 - 3_600_000,
    lastAttemptAt: T0,
    nextAttemptAt: T0 + 6 * 3_600_000,
    consecutiveFailures: 3,
  };
}

async function loaded(stored: Record<string, unknown>): Promise<VenueStatus> {
  const store = memoryStore();
  await store.set({ 'status:bitget': stored });
  return createStateStore(store).status('bitget');
}

describe('a status stored by the previous version', () => {
  it('keeps everything and reads its sentence as a code', async () => {
    const status = await loaded(oldStatus('not available from your region (HTTP 451)'));
    expect(status).toEqual({
      ...oldStatus(''),
      reason: { code: 'http', status: 451, retryAfterSeconds: null },
    });
  });

  it('drops only a sentence it cannot read', async () => {
    const status = await loaded(oldStatus('something a later version wrote'));
    expect(status).toEqual({ ...oldStatus(''), reason: null });
  });

  it('loads a status of this version unchanged', async () => {
    const current = { ...oldStatus(''), reason: { code: 'network', detail: 'fetch failed' } };
    expect(await loaded(current)).toEqual(current);
  });

  it('still refuses a damaged status (the venue starts afresh)', async () => {
    const status = await loaded({ ...oldStatus('unreachable: x'), state: 'exploded' });
    expect(status.state).toBe('waiting');
    expect(status.consecutiveFailures).toBe(0);
  });
});

describe('problemFromSentence', () => {
  it.each([
    ['rate limited (HTTP 429)', { code: 'http', status: 429, retryAfterSeconds: null }],
    [
      'rate limited (HTTP 429, asked to retry after 150 s)',
      { code: 'http', status: 429, retryAfterSeconds: 150 },
    ],
    [
      'IP banned for too many requests (HTTP 418)',
      { code: 'http', status: 418, retryAfterSeconds: null },
    ],
    [
      'access refused (HTTP 403, asked to retry after 600 s)',
      { code: 'http', status: 403, retryAfterSeconds: 600 },
    ],
    ['server error (HTTP 503)', { code: 'http', status: 503, retryAfterSeconds: null }],
    [
      'unreadable answer: Unexpected end of JSON input',
      { code: 'malformed', detail: 'Unexpected end of JSON input' },
    ],
    [
      'answer changed shape: result.list.0.lastPrice: expected string (HTTP 500)',
      { code: 'schema', detail: 'result.list.0.lastPrice: expected string (HTTP 500)' },
    ],
    [
      'venue reported an error: 10001 params error',
      { code: 'api-error', detail: '10001 params error' },
    ],
    ['unreachable: fetch failed', { code: 'network', detail: 'fetch failed' }],
  ])('“%s” was %j', (sentence, problem) => {
    expect(problemFromSentence(sentence)).toEqual(problem);
  });
});
