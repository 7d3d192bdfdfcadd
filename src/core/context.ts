// Builds the figures the UI shows from the venues' snapshots, OI history and liquidation
// windows. Pure: everything it needs comes in as arguments, the clock included.
import type {
  Breadth,
  CoinContext,
  Liquidations,
  MarketContext,
  OpenInterest,
  VenueId,
  VenueShare,
} from '../messages';
import { eightHourRateToApr } from './funding';
import { leverageLevel } from './level';
import type { MarketRow, VenueSnapshot } from './market';
import {
  aggregateSeries,
  HOUR_MS,
  MIN_PERCENTILE_HOURS,
  type OiSeries,
  oiChange,
  oiPercentile,
} from './oi-history';
import type { SignalSettings } from './settings';
import { evaluateSignals } from './signals';

export interface ContextInputs {
  now: number;
  settings: SignalSettings;
  /**
   * Hourly OI history. For a coin, one series per venue keyed by venue id; for the market, one
   * per coin and venue keyed `${coin}|${venue}`.
   */
  history: readonly OiSeries[];
  /** Liquidation windows, or null where no stream lists the coin. */
  liquidations: Liquidations | null;
  /** Venues whose OI sidedness is not documented. */
  unverifiedVenues: ReadonlySet<VenueId>;
  /** Venues whose data is not live now. */
  unavailableVenues: ReadonlySet<VenueId>;
}

export interface CoinInputs extends ContextInputs {
  circulatingSupply: number | null;
}

export interface MarketInputs extends ContextInputs {
  /** BTC's own liquidation windows, for its share of the market's. */
  btcLiquidations: Liquidations | null;
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
  const apr = rate8h === null ? null : eightHourRateToApr(rate8h);
  const oi = openInterest(rows, (row) => row.venue, inputs);
  if (oi.usd !== null && inputs.circulatingSupply) {
    oi.toMarketCapPct = (oi.usd / (inputs.circulatingSupply * lead.priceUsd)) * 100;
  }
  const liquidations = inputs.liquidations ?? emptyLiquidations();
  const { signals, missing: signalInputs } = evaluateSignals(
    {
      oiUsd: oi.usd,
      oiChange24hPct: oi.change24hPct,
      oiPercentile30d: oi.percentile30d,
      fundingAprPct: apr,
      priceChange24hPct: lead.change24hPct,
      liquidations24h: liquidations['24h'],
    },
    inputs.settings,
    { applyOiFloor: true },
  );
  const missing = missingFigures(oi, inputs.liquidations);
  if (oi.toMarketCapPct === null) missing.push('market-cap');
  return {
    coin,
    price: { usd: lead.priceUsd, change24hPct: lead.change24hPct },
    oi,
    funding: { rate8h, apr },
    liquidations,
    level: leverageLevel({
      oiPercentile: oi.percentile30d,
      fundingAprPct: apr,
      oiToMarketCapPct: oi.toMarketCapPct,
    }),
    signals,
    missing: [...new Set([...missing, ...signalInputs])],
    unavailableVenues: [...inputs.unavailableVenues],
    asOf: latestFetch(snapshots, new Set(rows.map((row) => row.venue))),
  };
}

/** The coins' 24h price changes, weighted by each coin's open interest. */
function oiWeightedPriceChange(byCoin: ReadonlyMap<string, MarketRow[]>): number | null {
  let weight = 0;
  let weighted = 0;
  for (const rows of byCoin.values()) {
    const lead = leadingRow(rows);
    const oi = rows.reduce((sum, row) => sum + (row.oiUsd ?? 0), 0);
    if (!lead || lead.change24hPct === null || oi <= 0) continue;
    weight += oi;
    weighted += lead.change24hPct * oi;
  }
  return weight > 0 ? weighted / weight : null;
}

const BTC = 'BTC';
const isBtc = (key: string) => key.startsWith(`${BTC}|`);

/** Who led the move: BTC's share of the OI change and of liquidations, and the altcoins' weight. */
function breadth(
  rows: readonly MarketRow[],
  inputs: MarketInputs,
  liquidations: Liquidations,
): Breadth {
  const current = currentOi(rows, (row) => `${row.coin}|${row.venue}`);
  const total = [...current.values()].reduce((a, b) => a + b, 0);
  const btcNow = [...current].filter(([key]) => isBtc(key)).reduce((sum, [, usd]) => sum + usd, 0);
  const all = oiChange(current, inputs.history, 24, inputs.now);
  const btcSeries = inputs.history.filter((series) => isBtc(series.key));
  const btc = oiChange(current, btcSeries, 24, inputs.now);
  const allMove = all.afterUsd - all.beforeUsd;
  const market = liquidations['24h'];
  const btcWindow = inputs.btcLiquidations?.['24h'];
  const marketLiquidated = (market.longUsd ?? 0) + (market.shortUsd ?? 0);
  const btcLiquidated = (btcWindow?.longUsd ?? 0) + (btcWindow?.shortUsd ?? 0);
  return {
    btcShareOfOiChangePct:
      all.pct !== null && allMove !== 0 ? ((btc.afterUsd - btc.beforeUsd) / allMove) * 100 : null,
    btcShareOfLiquidationsPct:
      market.longUsd !== null && btcWindow?.longUsd != null && marketLiquidated > 0
        ? (btcLiquidated / marketLiquidated) * 100
        : null,
    altShareOfOiPct: total > 0 ? ((total - btcNow) / total) * 100 : null,
    altShareOfOiPercentile30d: altSharePercentile(current, inputs),
  };
}

/** Where today's altcoin share of OI stands among the last 30 days' hourly shares. */
function altSharePercentile(
  current: ReadonlyMap<string, number>,
  inputs: MarketInputs,
): number | null {
  const from = inputs.now - 30 * 24 * HOUR_MS;
  const usable = inputs.history.filter((series) => current.has(series.key));
  const allHours = aggregateSeries(usable, from, inputs.now);
  const btcHours = new Map(
    aggregateSeries(
      usable.filter((series) => isBtc(series.key)),
      from,
      inputs.now,
    ).map((p) => [p.time, p.oiUsd]),
  );
  const shares = allHours.flatMap((point) => {
    const btc = btcHours.get(point.time);
    return btc === undefined || point.oiUsd <= 0 ? [] : [(point.oiUsd - btc) / point.oiUsd];
  });
  if (shares.length < MIN_PERCENTILE_HOURS) return null;
  const keys = usable.map((series) => series.key);
  const today = keys.reduce((sum, key) => sum + (current.get(key) ?? 0), 0);
  const todayBtc = keys.filter(isBtc).reduce((sum, key) => sum + (current.get(key) ?? 0), 0);
  if (today <= 0) return null;
  const share = (today - todayBtc) / today;
  return (shares.filter((past) => past <= share).length / shares.length) * 100;
}

export function buildMarketContext(
  snapshots: readonly VenueSnapshot[],
  inputs: MarketInputs,
): MarketContext {
  const byCoin = rowsByCoin(snapshots);
  const allRows = snapshots.flatMap((snapshot) => snapshot.rows);
  const coinTotals = [...byCoin].map(([coin, rows]) => ({
    coin,
    oi: rows.reduce((sum, row) => sum + (row.oiUsd ?? 0), 0),
  }));
  coinTotals.sort((a, b) => b.oi - a.oi);
  const oi = openInterest(allRows, (row) => `${row.coin}|${row.venue}`, inputs);
  const liquidations = inputs.liquidations ?? emptyLiquidations();
  const priceChange = oiWeightedPriceChange(byCoin);
  const rate8h = oiWeightedFunding(allRows);
  const apr = rate8h === null ? null : eightHourRateToApr(rate8h);
  const { signals, missing: signalInputs } = evaluateSignals(
    {
      oiUsd: oi.usd,
      oiChange24hPct: oi.change24hPct,
      oiPercentile30d: oi.percentile30d,
      fundingAprPct: apr,
      priceChange24hPct: priceChange,
      liquidations24h: liquidations['24h'],
    },
    inputs.settings,
    { applyOiFloor: false },
  );
  return {
    price: { change24hPct: priceChange },
    oi,
    funding: { rate8h, apr },
    breadth: breadth(allRows, inputs, liquidations),
    liquidations,
    signals,
    missing: [...new Set([...missingFigures(oi, inputs.liquidations), ...signalInputs])],
    unavailableVenues: [...inputs.unavailableVenues],
    largestCoins: coinTotals.slice(0, 8).map((total) => total.coin),
    coinCount: coinTotals.length,
    asOf: snapshots.length === 0 ? null : Math.max(...snapshots.map((s) => s.fetchedAt)),
  };
}
