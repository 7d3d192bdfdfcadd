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
  /** Single-sided open interest in USD notional. */
  oiUsd: number | null;
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
  /** Coins per unit of the venue's base asset: 1000 for `1000PEPEUSDT`. */
  lotSize: number;
  fundingIntervalHours: number;
}
