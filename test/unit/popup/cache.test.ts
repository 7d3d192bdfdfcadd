// The popup's cache is read back through zod: what an older version or a damaged store left is
// ignored rather than shown.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PopupData } from '../../../src/popup/api';

import { readCache, writeCache } from '../../../src/popup/cache';

const stored = new Map<string, string>();
const storage = {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
};

const window = { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 };
const oi = {
  usd: 5e9,
  change1hPct: null,
  change24hPct: null,
  percentile30d: null,
  historyBasisPct: null,
  byVenue: [{ venue: 'bybit' as const, usd: 5e9, oneSided: true }],
  toMarketCapPct: null,
};
const data: PopupData = {
  market: {
    price: { change24hPct: -1 },
    oi,
    funding: { rate8h: 0.0001, apr: 10.95 },
    breadth: {
      btcShareOfOiChangePct: null,
      btcShareOfLiquidationsPct: null,
      altShareOfOiPct: 61,
      altShareOfOiPercentile30d: null,
    },
    liquidations: { '1h': window, '4h': window, '24h': window },
    signals: [],
    missing: ['oi-history'],
    unavailableVenues: [],
    largestCoins: ['BTC'],
    coinCount: 1,
    asOf: 1_764_000_000_000,
  },
  pinned: [],
  pins: [],
  coins: [],
  venues: [],
};

beforeEach(() => stored.clear());

describe('the popup cache', () => {
  it('gives back what was saved, with when', async () => {
    writeCache(data, 1_764_000_060_000, storage);
    expect(readCache(storage)).toEqual({ savedAt: 1_764_000_060_000, data });
  });

  it('keeps a pin without figures with its reason', () => {
    const pinned: PopupData['pinned'] = [{ coin: 'TON', reason: 'venues-off', venues: ['okx'] }];
    writeCache({ ...data, pins: ['TON'], pinned }, 1, storage);
    expect(readCache(storage)?.data.pinned).toEqual(pinned);
  });

  it('is null when nothing was saved', async () => {
    expect(readCache(storage)).toBeNull();
  });

  it('keeps the popup going when the storage refuses to save', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => writeCache(data, 1, full)).not.toThrow();
  });

  it.each([
    [
      'a figure of the wrong type',
      { savedAt: 1, data: { ...data, market: { ...data.market, coinCount: '1' } } },
    ],
    ['no time of saving', { data }],
    ['an older shape', { savedAt: 1, data: { market: data.market } }],
    ['not an object', 'cache'],
  ])('ignores %s', (_case, value) => {
    stored.set('popupCache', JSON.stringify(value));
    expect(readCache(storage)).toBeNull();
  });

  it('ignores text that is not JSON', () => {
    stored.set('popupCache', '{"savedAt": 1, "data"');
    expect(readCache(storage)).toBeNull();
  });
});
