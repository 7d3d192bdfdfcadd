import { describe, expect, it } from 'vitest';
import { english } from '../../../src/core/english';
import { noFiguresReason, type VenueListing, whyNoFigures } from '../../../src/core/no-figures';

const listing = (
  venue: VenueListing['venue'],
  enabled: boolean,
  coins: string[] | null,
): VenueListing => ({ venue, enabled, coins: coins && new Set(coins) });

describe('why a coin has no figures', () => {
  it('no venue lists it: not listed on the enabled exchanges', () => {
    const listings = [listing('binance', true, ['BTC']), listing('okx', false, ['ETH'])];
    expect(whyNoFigures('LINK', listings)).toEqual({
      coin: 'LINK',
      reason: 'unlisted',
      venues: [],
    });
  });

  it('only switched-off venues list it: names them', () => {
    const listings = [
      listing('binance', true, ['BTC']),
      listing('okx', false, ['BTC', 'TON']),
      listing('gate', false, ['TON']),
      listing('bybit', false, ['BTC']),
    ];
    expect(whyNoFigures('TON', listings)).toEqual({
      coin: 'TON',
      reason: 'venues-off',
      venues: ['okx', 'gate'],
    });
  });

  it('an enabled venue lists it but gave no figures yet: waiting for that venue', () => {
    const listings = [listing('binance', true, ['TON']), listing('okx', false, ['TON'])];
    expect(whyNoFigures('TON', listings)).toEqual({
      coin: 'TON',
      reason: 'waiting',
      venues: ['binance'],
    });
  });

  it('an enabled venue whose markets are unknown might list it: no guess that it is not listed', () => {
    const listings = [
      listing('binance', true, null),
      listing('bybit', true, ['BTC']),
      listing('okx', false, ['TON']),
    ];
    expect(whyNoFigures('TON', listings)).toEqual({
      coin: 'TON',
      reason: 'markets-unknown',
      venues: ['binance'],
    });
  });

  it('a switched-off venue whose markets are unknown is not counted as listing it', () => {
    const listings = [listing('binance', true, ['BTC']), listing('okx', false, null)];
    expect(whyNoFigures('TON', listings).reason).toBe('unlisted');
  });
});

describe('the reason in words', () => {
  const names = (venues: readonly string[]) => venues.join(' and ');
  it.each([
    [{ reason: 'unlisted', venues: [] }, 'No market on the enabled exchanges.'],
    [{ reason: 'venues-off', venues: ['okx'] }, 'Listed only on okx, which is switched off.'],
    [
      { reason: 'venues-off', venues: ['okx', 'gate'] },
      'Listed only on okx and gate, which are switched off.',
    ],
    [{ reason: 'waiting', venues: ['binance'] }, 'No figures from binance yet.'],
    [
      { reason: 'markets-unknown', venues: ['binance'] },
      'Not known yet: no list of markets from binance so far.',
    ],
  ] as const)('%o', (why, sentence) => {
    expect(noFiguresReason({ coin: 'TON', ...why, venues: [...why.venues] }, english, names)).toBe(
      sentence,
    );
  });
});
