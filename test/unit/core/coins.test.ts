import { describe, expect, it } from 'vitest';
import { parseBaseAsset, STABLECOINS } from '../../../src/core/coins';

// Venues list cheap coins in lots (1000PEPE, kPEPE); every figure must land on the coin itself,
// with the lot size that converts prices and quantities, without mangling tickers that merely
// start with a digit or a K.
describe('parseBaseAsset', () => {
  it.each([
    ['1000PEPE', 'PEPE', 1_000],
    ['1000000MOG', 'MOG', 1_000_000],
    ['1MBABYDOGE', 'BABYDOGE', 1_000_000],
    ['kPEPE', 'PEPE', 1_000],
    ['kSHIB', 'SHIB', 1_000],
    ['10000SATS', 'SATS', 10_000],
    ['1000BONK', 'BONK', 1_000],
    ['1INCH', '1INCH', 1],
    ['BTC', 'BTC', 1],
    ['KAVA', 'KAVA', 1],
    ['KSM', 'KSM', 1],
  ])('%s is %s x %i', (base, coin, lotSize) => {
    expect(parseBaseAsset(base)).toEqual({ coin, lotSize });
  });
});

describe('STABLECOINS', () => {
  it('holds the quote currencies, not coins', () => {
    for (const stable of ['USDT', 'USDC']) expect(STABLECOINS.has(stable)).toBe(true);
    for (const coin of ['BTC', 'ETH', 'PEPE']) expect(STABLECOINS.has(coin)).toBe(false);
  });
});
