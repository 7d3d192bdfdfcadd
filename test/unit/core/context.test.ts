import { describe, expect, it } from 'vitest';
import {
  buildCoinContext,
  buildMarketContext,
  type CoinInputs,
  type MarketInputs,
} from '../../../src/core/context';
import type { MarketRow, VenueSnapshot } from '../../../src/core/market';
import { DEFAULT_SIGNAL_SETTINGS } from '../../../src/core/settings';
import { CoinContext, MarketContext, type VenueId } from '../../../src/messages';

/** No history, no liquidation streams, every venue one-sided: the figures of snapshots alone. */
const NO_HISTORY: CoinInputs & MarketInputs = {
  now: 10_000,
  settings: DEFAULT_SIGNAL_SETTINGS,
  btcLiquidations: null,
  unavailableVenues: new Set(),
  history: [],
  liquidations: null,
  unverifiedVenues: new Set(),
  circulatingSupply: null,
};

const row = (venue: VenueId, over: Partial<MarketRow> & Pick<MarketRow, 'coin'>): MarketRow => ({
  venue,
  symbol: `${over.coin}USDT`,
  priceUsd: 1,
  change24hPct: 0,
  oiCoins: null,
  oiUsd: 0,
  oiAt: null,
  fundingRate8h: 0,
  ...over,
});

// Bybit is listed first so that sorting (not insertion order) has to put Binance first.
const bybit: VenueSnapshot = {
  venue: 'bybit',
  fetchedAt: 2_000,
  rows: [
    row('bybit', {
      coin: 'BTC',
      priceUsd: 100_010,
      change24hPct: 1.7,
      oiUsd: 2e9,
      fundingRate8h: 0.0003,
    }),
    // a USDC perpetual with unknown funding: counts in OI, not in the funding average
    row('bybit', {
      coin: 'BTC',
      symbol: 'BTCPERP',
      priceUsd: 100_020,
      oiUsd: 1e9,
      fundingRate8h: null,
    }),
    row('bybit', { coin: 'ETH', priceUsd: 3_001, oiUsd: 1e9, fundingRate8h: 0.0001 }),
  ],
};
const binance: VenueSnapshot = {
  venue: 'binance',
  fetchedAt: 1_000,
  rows: [
    row('binance', {
      coin: 'BTC',
      priceUsd: 100_000,
      change24hPct: 1.5,
      oiUsd: 6e9,
      fundingRate8h: 0.0001,
    }),
    row('binance', { coin: 'ETH', priceUsd: 3_000, oiUsd: 3e9, fundingRate8h: 0.0002 }),
    row('binance', { coin: 'PEPE', priceUsd: 0.00001, oiUsd: 4e8, fundingRate8h: -0.0001 }),
  ],
};
// Newest of all, but it does not list BTC.
const okx: VenueSnapshot = {
  venue: 'okx',
  fetchedAt: 5_000,
  rows: [row('okx', { coin: 'ETH', priceUsd: 3_002, oiUsd: 5e8, fundingRate8h: 0.0001 })],
};
const snapshots = [bybit, binance, okx];

// The per-coin card: sums across markets and venues, OI-weighted funding, and honest nulls.
describe('buildCoinContext', () => {
  const btc = buildCoinContext('BTC', snapshots, NO_HISTORY);

  it('sums OI over every market of every venue', () => {
    expect(btc?.oi.usd).toBe(6e9 + 2e9 + 1e9);
  });

  it('breaks OI down per venue, largest first', () => {
    expect(btc?.oi.byVenue).toEqual([
      { venue: 'binance', usd: 6e9, oneSided: true },
      { venue: 'bybit', usd: 3e9, oneSided: true },
    ]);
  });

  it('weights funding by OI, skipping markets without a rate', () => {
    // (6e9 × 0.0001 + 2e9 × 0.0003) / (6e9 + 2e9) = 0.00015; BTCPERP has no rate
    expect(btc?.funding.rate8h).toBeCloseTo(0.00015, 15);
    expect(btc?.funding.apr).toBeCloseTo(0.00015 * 1095 * 100, 10);
  });

  it('weights funding by OI for a coin on two venues (ETH over three markets)', () => {
    const eth = buildCoinContext('ETH', snapshots, NO_HISTORY);
    // (1e9 × 0.0001 + 3e9 × 0.0002 + 5e8 × 0.0001) / 4.5e9
    expect(eth?.funding.rate8h).toBeCloseTo(0.00075e9 / 4.5e9, 15);
    expect(eth?.oi.byVenue.map((share) => share.venue)).toEqual(['binance', 'bybit', 'okx']);
  });

  it('takes price and 24h change from the market with the largest OI', () => {
    expect(btc?.price).toEqual({ usd: 100_000, change24hPct: 1.5 });
  });

  it('is null for a coin no venue lists', () => {
    expect(buildCoinContext('DOGE', snapshots, NO_HISTORY)).toBeNull();
    expect(buildCoinContext('BTC', [], NO_HISTORY)).toBeNull();
  });

  it('leaves figures it cannot know as null, never 0', () => {
    expect(btc?.oi.change1hPct).toBeNull();
    expect(btc?.oi.change24hPct).toBeNull();
    expect(btc?.oi.percentile30d).toBeNull();
    expect(btc?.oi.toMarketCapPct).toBeNull();
    for (const window of ['1h', '4h', '24h'] as const) {
      expect(btc?.liquidations[window]).toEqual({
        longUsd: null,
        shortUsd: null,
        count: null,
        coveredMinutes: 0,
      });
    }
    expect(btc?.level).toBeNull();
    expect(btc?.signals).toEqual([]);
  });

  it('names what is missing, so the card can say so', () => {
    expect(btc?.missing).toEqual(
      expect.arrayContaining(['oi-history', 'liquidations', 'market-cap']),
    );
  });

  it("is as recent as the newest snapshot that lists the coin (OKX's does not list BTC)", () => {
    expect(btc?.asOf).toBe(2_000);
    expect(buildCoinContext('ETH', snapshots, NO_HISTORY)?.asOf).toBe(5_000);
  });

  it('has null OI and funding when no market reports OI', () => {
    const blind: VenueSnapshot = {
      venue: 'hyperliquid',
      fetchedAt: 10,
      rows: [row('hyperliquid', { coin: 'XYZ', priceUsd: 2, oiUsd: null, fundingRate8h: 0.001 })],
    };
    const xyz = buildCoinContext('XYZ', [blind], NO_HISTORY);
    expect(xyz?.oi.usd).toBeNull();
    expect(xyz?.oi.byVenue).toEqual([]);
    expect(xyz?.funding).toEqual({ rate8h: null, apr: null });
    expect(xyz?.price.usd).toBe(2);
  });

  it('matches the CoinContext message schema', () => {
    expect(CoinContext.safeParse(btc).success).toBe(true);
  });
});

// The popup's market view: totals over everything, largest coins first.
describe('buildMarketContext', () => {
  const market = buildMarketContext(snapshots, NO_HISTORY);

  it('sums OI over all coins and venues, with the venues largest first', () => {
    expect(market.oi.usd).toBe(9e9 + 4.5e9 + 4e8);
    expect(market.oi.byVenue).toEqual([
      { venue: 'binance', usd: 9.4e9, oneSided: true },
      { venue: 'bybit', usd: 4e9, oneSided: true },
      { venue: 'okx', usd: 5e8, oneSided: true },
    ]);
  });

  it('orders largestCoins by total OI and counts coins', () => {
    expect(market.largestCoins).toEqual(['BTC', 'ETH', 'PEPE']);
    expect(market.coinCount).toBe(3);
  });

  it('keeps at most 8 largest coins but counts them all', () => {
    const many: VenueSnapshot = {
      venue: 'gate',
      fetchedAt: 1,
      rows: Array.from({ length: 10 }, (_, i) => row('gate', { coin: `C${i}`, oiUsd: i * 1e6 })),
    };
    const context = buildMarketContext([many], NO_HISTORY);
    expect(context.largestCoins).toEqual(['C9', 'C8', 'C7', 'C6', 'C5', 'C4', 'C3', 'C2']);
    expect(context.coinCount).toBe(10);
  });

  it('is as recent as the newest snapshot', () => {
    expect(market.asOf).toBe(5_000);
  });

  it('leaves unknown figures null and names them as missing', () => {
    expect(market.oi.change24hPct).toBeNull();
    expect(market.oi.percentile30d).toBeNull();
    expect(market.liquidations['24h'].longUsd).toBeNull();
    expect(market.missing).toEqual(expect.arrayContaining(['oi-history', 'liquidations']));
    expect(MarketContext.safeParse(market).success).toBe(true);
  });

  it('with no snapshot yet has asOf null and OI null, not 0', () => {
    const empty = buildMarketContext([], NO_HISTORY);
    expect(empty.asOf).toBeNull();
    expect(empty.oi.usd).toBeNull();
    expect(empty.oi.byVenue).toEqual([]);
    expect(empty.largestCoins).toEqual([]);
    expect(empty.coinCount).toBe(0);
    expect(MarketContext.safeParse(empty).success).toBe(true);
  });
});
