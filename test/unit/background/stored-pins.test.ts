import { describe, expect, it } from 'vitest';
import { parseStoredPins } from '../../../src/background/stored-pins';
import { MAX_PINS } from '../../../src/messages';

describe('the stored pins', () => {
  it('are read as stored', () => {
    expect(parseStoredPins(['BTC', 'TON'])).toEqual(['BTC', 'TON']);
  });

  it('keep every good entry when one is damaged, upper-cased and once', () => {
    expect(parseStoredPins(['btc', '', 42, 'ETH', 'BTC', 'X'.repeat(21), ' sol '])).toEqual([
      'BTC',
      'ETH',
      'SOL',
    ]);
  });

  it('are none when the stored value is not a list, and at most the limit', () => {
    expect(parseStoredPins({ pins: ['BTC'] })).toEqual([]);
    expect(parseStoredPins(undefined)).toEqual([]);
    const many = Array.from({ length: MAX_PINS + 5 }, (_, index) => `C${index}`);
    expect(parseStoredPins(many)).toEqual(many.slice(0, MAX_PINS));
  });
});
