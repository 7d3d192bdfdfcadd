// Builds the figures the UI shows from the venues' latest snapshots. Pure: no I/O, no clock.
import type { CoinContext, Liquidations, MarketContext, VenueShare } from '../messages';
import { eightHourRateToApr } from './funding';
import type { MarketRow, VenueSnapshot } from './market';

// Figures that later stages compute (OI history, liquidation streams, signals). Until then they
// are null and named here, so the UI can say what is missing instead of showing a made-up zero.
const NOT_YET_TRACKED = ['oi-history', 'liquidations'];

function uncoveredLiquidations(): Liquidations {
  return {
    '1h': { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 },
    '4h': { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 },
    '24h': { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 },
  };
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

function sumOi(rows: readonly MarketRow[]): number | null {
  const known = rows.filter((row) => row.oiUsd !== null);
  return known.length === 0 ? null : known.reduce((sum, row) => sum + (row.oiUsd ?? 0), 0);
}

function oiByVenue(rows: readonly MarketRow[]): VenueShare[] {
  const byVenue = new Map<VenueShare['venue'], number>();
  for (const row of rows) {
    if (row.oiUsd !== null) byVenue.set(row.venue, (byVenue.get(row.venue) ?? 0) + row.oiUsd);
  }
  return [...byVenue].map(([venue, usd]) => ({ venue, usd })).sort((a, b) => b.usd - a.usd);
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

export function buildCoinContext(
  coin: string,
  snapshots: readonly VenueSnapshot[],
): CoinContext | null {
  const rows = rowsByCoin(snapshots).get(coin);
  const lead = rows && leadingRow(rows);
  if (!rows || !lead) return null;
  const rate8h = oiWeightedFunding(rows);
  return {
    coin,
    price: { usd: lead.priceUsd, change24hPct: lead.change24hPct },
    oi: {
      usd: sumOi(rows),
      change1hPct: null,
      change24hPct: null,
      percentile30d: null,
      byVenue: oiByVenue(rows),
      toMarketCapPct: null,
    },
    funding: { rate8h, apr: rate8h === null ? null : eightHourRateToApr(rate8h) },
    liquidations: uncoveredLiquidations(),
    level: null,
    signals: [],
    missing: [...NOT_YET_TRACKED, 'market-cap'],
    asOf: latestFetch(snapshots, new Set(rows.map((row) => row.venue))),
  };
}

export function buildMarketContext(snapshots: readonly VenueSnapshot[]): MarketContext {
  const allRows = snapshots.flatMap((snapshot) => snapshot.rows);
  const coinTotals = [...rowsByCoin(snapshots)].map(([coin, rows]) => ({ coin, oi: sumOi(rows) }));
  coinTotals.sort((a, b) => (b.oi ?? -1) - (a.oi ?? -1));
  return {
    oi: {
      usd: sumOi(allRows),
      change1hPct: null,
      change24hPct: null,
      percentile30d: null,
      byVenue: oiByVenue(allRows),
      toMarketCapPct: null,
    },
    liquidations: uncoveredLiquidations(),
    signals: [],
    missing: [...NOT_YET_TRACKED],
    largestCoins: coinTotals.slice(0, 8).map((total) => total.coin),
    coinCount: coinTotals.length,
    asOf: snapshots.length === 0 ? null : Math.max(...snapshots.map((s) => s.fetchedAt)),
  };
}
