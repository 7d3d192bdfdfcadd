// Scenario files (test/scenarios/*.json) describe a market in venue-neutral terms; each venue
// module of the replay server renders them into that venue's own payloads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const VenueMarket = z.object({
  /** Single-sided open interest, in coins. */
  oiCoins: z.number().nonnegative(),
  /** Funding per settlement as the venue quotes it; defaults to the coin's 8h rate scaled. */
  fundingRate: z.number().optional(),
  fundingIntervalHours: z.number().positive().default(8),
});

const ScenarioCoin = z.object({
  coin: z.string(),
  price: z.number().positive(),
  change24hPct: z.number(),
  fundingRate8h: z.number().default(0.0001),
  venues: z.object({ bybit: VenueMarket.optional() }),
});

const DatedFuture = z.object({
  coin: z.string(),
  venue: z.enum(['bybit']),
  expiry: z.string(),
  oiCoins: z.number().nonnegative(),
});

const Liquidation = z.object({
  atSeconds: z.number().nonnegative(),
  coin: z.string(),
  venue: z.enum(['bybit']),
  side: z.enum(['long', 'short']),
  coins: z.number().positive(),
  price: z.number().positive(),
});

export const Scenario = z.object({
  name: z.string(),
  description: z.string(),
  coins: z.array(ScenarioCoin),
  datedFutures: z.array(DatedFuture).default([]),
  liquidations: z.array(Liquidation).default([]),
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioCoin = z.output<typeof ScenarioCoin>;
export type ScenarioLiquidation = z.output<typeof Liquidation>;

const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export function loadScenario(name: string): Scenario {
  return Scenario.parse(JSON.parse(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8')));
}

/** Funding as the venue would quote it for one settlement interval. */
export function venueFundingRate(coin: ScenarioCoin, market: z.output<typeof VenueMarket>): number {
  return market.fundingRate ?? (coin.fundingRate8h * market.fundingIntervalHours) / 8;
}
