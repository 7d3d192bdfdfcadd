import type { VenueId } from '../messages';

/** One perpetual market of one venue, already normalised: USD notional, canonical coin id. */
export interface MarketRow {
  coin: string;
  venue: VenueId;
  /** The venue's own symbol, kept for the per-venue breakdown and for debugging. */
  symbol: string;
  /** Price of one coin (not of a 1000-coin lot) in USD. */
  priceUsd: number;
  change24hPct: number | null;
  /** Single-sided open interest in coins (not lots, not contracts). */
  oiCoins: number | null;
  /** Single-sided open interest in USD notional. */
  oiUsd: number | null;
  /** When the open interest was measured (venues that are swept symbol by symbol lag the poll). */
  oiAt: number | null;
  /** Funding normalised to an 8-hour rate, as a fraction (0.0001 is 0.01% per 8h). */
  fundingRate8h: number | null;
}

/** Everything one bulk poll of a venue returned, with the time it was fetched. */
export interface VenueSnapshot {
  venue: VenueId;
  fetchedAt: number;
  rows: MarketRow[];
}

/** A tradable perpetual market as the venue's instrument metadata describes it. */
export interface Instrument {
  venue: VenueId;
  symbol: string;
  coin: string;
  /** Coins per unit the venue quotes sizes in: 1000 for `1000PEPEUSDT`, ctVal×ctMult on OKX. */
  lotSize: number;
  fundingIntervalHours: number;
}

export type LiquidatedSide = 'long' | 'short';

/** One reported liquidation, normalised: which side's position was closed, and its USD size. */
export interface Liquidation {
  coin: string;
  venue: VenueId;
  side: LiquidatedSide;
  usd: number;
  /** Trade time at the venue, ms. */
  time: number;
}

/** Open interest of one coin on one venue at one time (a history row). */
export interface OiPoint {
  time: number;
  oiUsd: number;
}

/** Liquidation totals of one coin on one venue over a bucket of history (Gate contract_stats). */
export interface LiquidationBucket {
  coin: string;
  venue: VenueId;
  start: number;
  durationMs: number;
  longUsd: number;
  shortUsd: number;
}
