// Scenario files (test/scenarios/*.json) describe a market in venue-neutral terms; each venue
// module of the replay server renders them into that venue's own payloads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPLAY_VENUE_IDS = [
  'binance',
  'bybit',
  'okx',
  'hyperliquid',
  'bitget',
  'gate',
] as const;
const ReplayVenueId = z.enum(REPLAY_VENUE_IDS);
export type ReplayVenueId = z.infer<typeof ReplayVenueId>;

const VenueMarket = z.object({
  /** Single-sided open interest now, in coins. */
  oiCoins: z.number().nonnegative(),
  /** Funding per settlement as the venue quotes it; defaults to the coin's 8h rate scaled. */
  fundingRate: z.number().optional(),
  fundingIntervalHours: z.number().positive().default(8),
});
export type VenueMarket = z.output<typeof VenueMarket>;

/** A value relative to now: `factor` × the current value, `hoursAgo` hours ago. */
const HistoryPoint = z.object({
  hoursAgo: z.number().nonnegative(),
  factor: z.number().positive(),
});

const ScenarioCoin = z.object({
  coin: z.string(),
  price: z.number().positive(),
  change24hPct: z.number(),
  fundingRate8h: z.number().default(0.0001),
  /** Circulating supply in coins, where the scenario knows it (Binance reports it with OI history). */
  circulatingSupply: z.number().positive().optional(),
  /** Open interest (in coins, every venue alike) relative to now; flat when absent. */
  oiHistory: z.array(HistoryPoint).default([]),
  /** Price relative to now; when absent, a straight line from the 24h change. */
  priceHistory: z.array(HistoryPoint).optional(),
  venues: z.partialRecord(ReplayVenueId, VenueMarket),
});
export type ScenarioCoin = z.output<typeof ScenarioCoin>;

const DatedFuture = z.object({
  coin: z.string(),
  venue: ReplayVenueId,
  expiry: z.string(),
  oiCoins: z.number().nonnegative(),
});

const Liquidation = z.object({
  /** Seconds after the scenario starts playing. */
  atSeconds: z.number().nonnegative(),
  coin: z.string(),
  venue: ReplayVenueId,
  side: z.enum(['long', 'short']),
  coins: z.number().positive(),
  price: z.number().positive(),
});
export type ScenarioLiquidation = z.output<typeof Liquidation>;

/** Liquidation totals a venue reports in its history (Gate contract_stats), per bucket. */
const LiquidationHistoryBucket = z.object({
  coin: z.string(),
  venue: ReplayVenueId,
  /** Start of the bucket, minutes before now. */
  minutesAgo: z.number().nonnegative(),
  longUsd: z.number().nonnegative(),
  shortUsd: z.number().nonnegative(),
});

export const Scenario = z.object({
  name: z.string(),
  description: z.string(),
  coins: z.array(ScenarioCoin),
  datedFutures: z.array(DatedFuture).default([]),
  liquidations: z.array(Liquidation).default([]),
  liquidationHistory: z.array(LiquidationHistoryBucket).default([]),
  /** Venues that are down for the whole scenario: every request to them answers this status. */
  venuesDown: z.partialRecord(ReplayVenueId, z.number().int()).default({}),
});
export type Scenario = z.output<typeof Scenario>;

const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export function loadScenario(name: string): Scenario {
  return Scenario.parse(JSON.parse(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8')));
}

/** Funding as the venue would quote it for one settlement interval. */
export function venueFundingRate(coin: ScenarioCoin, market: VenueMarket): number {
  return market.fundingRate ?? (coin.fundingRate8h * market.fundingIntervalHours) / 8;
}

/** Piecewise-linear factor at `hoursAgo`; 1 now, flat before the oldest point. */
function factorAt(points: ReadonlyArray<z.output<typeof HistoryPoint>>, hoursAgo: number): number {
  const sorted = [{ hoursAgo: 0, factor: 1 }, ...points].sort((a, b) => a.hoursAgo - b.hoursAgo);
  for (let i = 1; i < sorted.length; i++) {
    const newer = sorted[i - 1];
    const older = sorted[i];
    if (newer && older && hoursAgo <= older.hoursAgo) {
      const span = older.hoursAgo - newer.hoursAgo;
      const t = span === 0 ? 1 : (hoursAgo - newer.hoursAgo) / span;
      return newer.factor + (older.factor - newer.factor) * t;
    }
  }
  return sorted[sorted.length - 1]?.factor ?? 1;
}

/** The coin's price `hoursAgo` hours ago. */
export function priceAt(coin: ScenarioCoin, hoursAgo: number): number {
  const points = coin.priceHistory ?? [{ hoursAgo: 24, factor: 1 / (1 + coin.change24hPct / 100) }];
  return coin.price * factorAt(points, hoursAgo);
}

/** One venue's open interest of the coin `hoursAgo` hours ago, in coins. */
export function oiCoinsAt(coin: ScenarioCoin, market: VenueMarket, hoursAgo: number): number {
  return market.oiCoins * factorAt(coin.oiHistory, hoursAgo);
}

/** The scenario's coins listed on one venue, with that venue's market. */
export function marketsOn(scenario: Scenario, venue: ReplayVenueId) {
  return scenario.coins.flatMap((coin) => {
    const market = coin.venues[venue];
    return market ? [{ coin, market }] : [];
  });
}
