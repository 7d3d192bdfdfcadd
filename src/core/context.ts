// Builds the figures the UI shows from the venues' snapshots, OI history and liquidation
// windows. Pure: everything it needs comes in as arguments, the clock included.
import type {
  CoinContext,
  Liquidations,
  MarketContext,
  OpenInterest,
  VenueId,
  VenueShare,
} from '../messages';
import { eightHourRateToApr } from './funding';
import type { MarketRow, VenueSnapshot } from './market';
import { type OiSeries, oiChange, oiPercentile } from './oi-history';

export interface ContextInputs {
  now: number;
  /**
   * Hourly OI history. For a coin, one series per venue keyed by venue id; for the market, one
   * per coin and venue keyed `${coin}|${venue}`.
   */
  history: readonly OiSeries[];
  /** Liquidation windows, or null where no stream lists the coin. */
  liquidations: Liquidations | null;
  /** Venues whose OI sidedness is not documented. */
  unverifiedVenues: ReadonlySet<VenueId>;
}

export interface CoinInputs extends ContextInputs {
  circulatingSupply: number | null;
}

function emptyLiquidations(): Liquidations {
  const unknown = { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 };
  return { '1h': { ...unknown }, '4h': { ...unknown }, '24h': { ...unknown } };
}

function rowsByCoin(snapshots: readonly VenueSnapshot[]): Map<string, MarketRow[]> {
  const byCoin = new Map<string, MarketRow[]>();
  for (const snapshot of snapshots) {
    for (const row of snapshot.rows) {
      const rows = byCoin.get(row.coin);
      if (rows) rows.push(row);
      else byCoin.set(row.coin, [row]);
    }
  }
  return byCoin;
}

/** Current OI per series key (`keyOf` picks venue or coin|venue); markets without OI are left out. */
function currentOi(
  rows: readonly MarketRow[],
  keyOf: (row: MarketRow) => string,
): Map<string, number> {
  const current = new Map<string, number>();
  for (const row of rows) {
    if (row.oiUsd !== null) current.set(keyOf(row), (current.get(keyOf(row)) ?? 0) + row.oiUsd);
  }
  return current;
}

function oiByVenue(rows: readonly MarketRow[], unverified: ReadonlySet<VenueId>): VenueShare[] {
  const byVenue = new Map<VenueId, number>();
  for (const row of rows) {
    if (row.oiUsd !== null) byVenue.set(row.venue, (byVenue.get(row.venue) ?? 0) + row.oiUsd);
  }
  return [...byVenue]
    .map(([venue, usd]) => ({ venue, usd, oneSided: !unverified.has(venue) }))
    .sort((a, b) => b.usd - a.usd);
}

function openInterest(
  rows: readonly MarketRow[],
  keyOf: (row: MarketRow) => string,
  inputs: ContextInputs,
): OpenInterest {
  const current = currentOi(rows, keyOf);
  const total = current.size === 0 ? null : [...current.values()].reduce((a, b) => a + b, 0);
  const day = oiChange(current, inputs.history, 24, inputs.now);
  const hour = oiChange(current, inputs.history, 1, inputs.now);
  const rank = oiPercentile(current, inputs.history, inputs.now);
  const basis = day.keys.reduce((sum, key) => sum + (current.get(key) ?? 0), 0);
  return {
    usd: total,
    change1hPct: hour.pct,
    change24hPct: day.pct,
    percentile30d: rank.percentile,
    historyBasisPct: total && day.pct !== null ? (basis / total) * 100 : null,
    byVenue: oiByVenue(rows, inputs.unverifiedVenues),
    toMarketCapPct: null,
  };
}

/** Funding averaged across markets, weighted by each market's open interest. */
function oiWeightedFunding(rows: readonly MarketRow[]): number | null {
  let weight = 0;
  let weighted = 0;
  for (const row of rows) {
    if (row.fundingRate8h === null || row.oiUsd === null || row.oiUsd <= 0) continue;
    weight += row.oiUsd;
    weighted += row.fundingRate8h * row.oiUsd;
  }
  return weight > 0 ? weighted / weight : null;
}

/** The market with the most open interest sets the price: it is where the coin trades most. */
function leadingRow(rows: readonly MarketRow[]): MarketRow | undefined {
  return [...rows].sort((a, b) => (b.oiUsd ?? -1) - (a.oiUsd ?? -1))[0];
}

function latestFetch(snapshots: readonly VenueSnapshot[], venues: ReadonlySet<string>): number {
  return Math.max(...snapshots.filter((s) => venues.has(s.venue)).map((s) => s.fetchedAt));
}

/** Names of figures that could not be computed, for the UI to say what is missing. */
function missingFigures(oi: OpenInterest, liquidations: Liquidations | null): string[] {
  const missing: string[] = [];
  if (oi.change24hPct === null) missing.push('oi-history');
  if (oi.percentile30d === null) missing.push('oi-percentile');
  if (!liquidations || liquidations['24h'].coveredMinutes === 0) missing.push('liquidations');
  return missing;
}

export function buildCoinContext(
  coin: string,
  snapshots: readonly VenueSnapshot[],
  inputs: CoinInputs,
): CoinContext | null {
  const rows = rowsByCoin(snapshots).get(coin);
  const lead = rows && leadingRow(rows);
  if (!rows || !lead) return null;
  const rate8h = oiWeightedFunding(rows);
  const oi = openInterest(rows, (row) => row.venue, inputs);
  if (oi.usd !== null && inputs.circulatingSupply) {
    oi.toMarketCapPct = (oi.usd / (inputs.circulatingSupply * lead.priceUsd)) * 100;
  }
  const missing = missingFigures(oi, inputs.liquidations);
  if (oi.toMarketCapPct === null) missing.push('market-cap');
  return {
    coin,
    price: { usd: lead.priceUsd, change24hPct: lead.change24hPct },
    oi,
    funding: { rate8h, apr: rate8h === null ? null : eightHourRateToApr(rate8h) },
    liquidations: inputs.liquidations ?? emptyLiquidations(),
    level: null,
    signals: [],
    missing,
    asOf: latestFetch(snapshots, new Set(rows.map((row) => row.venue))),
  };
}

export function buildMarketContext(
  snapshots: readonly VenueSnapshot[],
  inputs: ContextInputs,
): MarketContext {
  const allRows = snapshots.flatMap((snapshot) => snapshot.rows);
  const coinTotals = [...rowsByCoin(snapshots)].map(([coin, rows]) => ({
    coin,
    oi: rows.reduce((sum, row) => sum + (row.oiUsd ?? 0), 0),
  }));
  coinTotals.sort((a, b) => b.oi - a.oi);
  const oi = openInterest(allRows, (row) => `${row.coin}|${row.venue}`, inputs);
  return {
    oi,
    liquidations: inputs.liquidations ?? emptyLiquidations(),
    signals: [],
    missing: missingFigures(oi, inputs.liquidations),
    largestCoins: coinTotals.slice(0, 8).map((total) => total.coin),
    coinCount: coinTotals.length,
    asOf: snapshots.length === 0 ? null : Math.max(...snapshots.map((s) => s.fetchedAt)),
  };
}
