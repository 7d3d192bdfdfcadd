import { describe, expect, it } from 'vitest';
import { coinFromHash } from '../../../src/popup/coin-hash';

describe('coinFromHash', () => {
  it('reads the coin a notification’s click names, upper-cased', () => {
    expect(coinFromHash('#coin=BTC')).toBe('BTC');
    expect(coinFromHash('#coin=pepe')).toBe('PEPE');
  });

  it('ignores any other hash: empty, malformed or too long', () => {
    expect(coinFromHash('')).toBeNull();
    expect(coinFromHash('#coin=')).toBeNull();
    expect(coinFromHash('#coin=BTC&x=1')).toBeNull();
    expect(coinFromHash('#coin=<img>')).toBeNull();
    expect(coinFromHash(`#coin=${'A'.repeat(21)}`)).toBeNull();
  });
});
