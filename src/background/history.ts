// Open interest history for the figures that need the past (1h/24h change, 30-day percentile):
// fetched from the venues that serve it, built from our own hourly snapshots for those that do
// not (Hyperliquid, Bitget), cached in IndexedDB and refreshed at most hourly. Gate's liquidation
// history is cached in memory for a few minutes. Funding history is fetched on demand, for the
// coin whose chart is open, and cached like OI history.

import type { FundingSettlement } from '../core/coin-history';
import type { Instrument, LiquidationBucket, OiPoint, VenueSnapshot } from '../core/market';
import { HOUR_MS, type OiSeries } from '../core/oi-history';
import type { VenueId } from '../messages';
import { type VenueClient, VenueError } from '../venues/client';
import type { Venue } from '../venues/venue';
import type { Database, FundingHistoryRecord } from './database';

const DAY_MS = 24 * HOUR_MS;
const HISTORY_DAYS = 30;
const HISTORY_MAX_AGE_MS = HOUR_MS;
const LIQUIDATION_HISTORY_MAX_AGE_MS = 5 * 60_000;
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;
/**
 * An hourly refresh asks only for the hours since the cached series' last point; the whole month
 * is asked again this often, so that a market listed meanwhile is summed into the older hours too.
 */
const WHOLE_HISTORY_MAX_AGE_MS = DAY_MS;

interface HistoryOptions {
  db: Database;
  venues: readonly Venue[];
  /** The client for a coin's history requests on a venue (paced, and stopped when switched off). */
  clientFor: (venue: VenueId, coin: string) => VenueClient;
  /** Which markets each venue lists now. */
  instrumentsOf: (venue: VenueId) => Promise<readonly Instrument[]>;
  /** False for a venue the user switched off: no history is fetched from it or served for it. */
  isEnabled?: (venue: VenueId) => boolean;
  now?: () => number;
  /** A history request failed: the figures stay without that venue; the status says so. */
  onError?: (venue: VenueId, error: VenueError) => void;
  /** A history request of the venue, started at `startedAt`, succeeded. */
  onSuccess?: (venue: VenueId, startedAt: number) => void;
}

export function createHistory({
  db,
  venues,
  clientFor,
  instrumentsOf,
  isEnabled = () => true,
  now = Date.now,
  onError,
  onSuccess,
}: HistoryOptions) {
  const inFlight = new Map<string, Promise<boolean>>();
  const fundingInFlight = new Map<string, Promise<FundingHistoryRecord | undefined>>();
  const failedAt = new Map<string, number>();
  const liquidationCache = new Map<string, { fetchedAt: number; buckets: LiquidationBucket[] }>();

  /**
   * Records a failed history request (not asked again for a while) and reports it; a request
   * stopped because the user switched the venue off is no failure of the venue.
   */
  function failed(venue: Venue, key: string, error: unknown): false {
    if (!(error instanceof VenueError)) throw error;
    if (!isEnabled(venue.id)) return false;
    failedAt.set(key, now());
    onError?.(venue.id, error);
    return false;
  }

  function refreshLiquidations(venue: Venue, coin: string, key: string): Promise<boolean> {
    const fetchBuckets = venue.fetchLiquidationHistory;
    const running = inFlight.get(`liquidations|${key}`);
    if (running || !fetchBuckets) return running ?? Promise.resolve(false);
    const task = (async () => {
      try {
        const markets = await marketsOf(venue, coin);
        // Before the venue's markets are known there is nothing to ask; caching that empty
        // answer would hide the coin's history for minutes.
        if (markets.length === 0) return false;
        const dayAgo = now() - DAY_MS;
        const cached = liquidationCache.get(key)?.buckets ?? [];
        // Only what is new since the last answer, from its last bucket on (which may still have
        // been filling): a third of the requests of asking for the whole day again.
        const from = Math.max(dayAgo, ...cached.map((bucket) => bucket.start));
        const range = { from, to: now() };
        const fetched = await Promise.all(
          markets.map((instrument) => fetchBuckets(clientFor(venue.id, coin), instrument, range)),
        );
        const kept = cached.filter((bucket) => bucket.start >= dayAgo && bucket.start < from);
        liquidationCache.set(key, { fetchedAt: now(), buckets: [...kept, ...fetched.flat()] });
        onSuccess?.(venue.id, range.to);
        return true;
      } catch (error) {
        return failed(venue, `liquidations|${key}`, error);
      }
    })().finally(() => inFlight.delete(`liquidations|${key}`));
    inFlight.set(`liquidations|${key}`, task);
    return task;
  }

  /** Fetches a market's funding history and caches it; undefined when the venue failed. */
  function refreshFunding(
    venue: Venue,
    coin: string,
    symbol: string,
  ): Promise<FundingHistoryRecord | undefined> {
    const key = `${venue.id}|${coin}`;
    const running = fundingInFlight.get(key);
    if (running) return running;
    const task = (async () => {
      const fetchSettlements = venue.fetchFundingHistory;
      const instrument = (await instrumentsOf(venue.id)).find((i) => i.symbol === symbol);
      if (!fetchSettlements || !instrument) return undefined;
      const range = { from: now() - HISTORY_DAYS * DAY_MS, to: now() };
      try {
        const settlements = await fetchSettlements(clientFor(venue.id, coin), instrument, range);
        const record = { key, venue: venue.id, coin, symbol, fetchedAt: now(), settlements };
        await db.put('fundingHistory', record);
        onSuccess?.(venue.id, range.to);
        return record;
      } catch (error) {
        failed(venue, `funding|${key}`, error);
        return undefined;
      }
    })().finally(() => fundingInFlight.delete(key));
    fundingInFlight.set(key, task);
    return task;
  }

  async function marketsOf(venue: Venue, coin: string) {
    return (await instrumentsOf(venue.id)).filter((instrument) => instrument.coin === coin);
  }

  /** Sums the hourly history of every market of the coin on the venue, from `from` on. */
  async function fetchVenueHistory(venue: Venue, coin: string, from: number): Promise<OiPoint[]> {
    const fetchOne = venue.fetchOiHistory;
    if (!fetchOne) return [];
    const range = { from, to: now() };
    const perMarket = await Promise.all(
      (await marketsOf(venue, coin)).map((instrument) =>
        fetchOne(clientFor(venue.id, coin), instrument, range),
      ),
    );
    const byHour = new Map<number, number>();
    for (const points of perMarket) {
      for (const point of points) {
        const hour = Math.round(point.time / HOUR_MS) * HOUR_MS;
        byHour.set(hour, (byHour.get(hour) ?? 0) + point.oiUsd);
      }
    }
    // An hour only some markets reported would look like a drop: keep complete hours only.
    const complete = perMarket.length <= 1 ? byHour : completeHours(perMarket, byHour);
    return [...complete].map(([time, oiUsd]) => ({ time, oiUsd })).sort((a, b) => a.time - b.time);
  }

  function completeHours(perMarket: OiPoint[][], byHour: Map<number, number>): Map<number, number> {
    const counts = new Map<number, number>();
    for (const points of perMarket) {
      for (const hour of new Set(points.map((p) => Math.round(p.time / HOUR_MS) * HOUR_MS))) {
        counts.set(hour, (counts.get(hour) ?? 0) + 1);
      }
    }
    return new Map([...byHour].filter(([hour]) => counts.get(hour) === perMarket.length));
  }

  /** Refreshes the cached history of a coin on a venue; resolves true when it wrote new data. */
  function refresh(venue: Venue, coin: string): Promise<boolean> {
    const key = `${venue.id}|${coin}`;
    const running = inFlight.get(key);
    if (running) return running;
    const task = (async () => {
      const cached = await db.get('oiHistory', key);
      if (cached && now() - cached.fetchedAt < HISTORY_MAX_AGE_MS) return false;
      const startedAt = now();
      const monthAgo = startedAt - HISTORY_DAYS * DAY_MS;
      // From the last cached hour on (it may have been partial, so it is asked again).
      const lastHour = cached?.points.at(-1)?.time;
      const wholeIsRecent =
        startedAt - (cached?.wholeAt ?? Number.NEGATIVE_INFINITY) < WHOLE_HISTORY_MAX_AGE_MS;
      const from =
        wholeIsRecent && lastHour !== undefined ? Math.max(monthAgo, lastHour) : monthAgo;
      try {
        const fetched = await fetchVenueHistory(venue, coin, from);
        // The hours asked again replace the cached ones; an hour the answer lacks stays cached.
        const byHour = new Map(
          from === monthAgo
            ? []
            : (cached?.points ?? []).filter((p) => p.time >= monthAgo).map((p) => [p.time, p]),
        );
        for (const point of fetched) byHour.set(point.time, point);
        const points = [...byHour.values()].sort((a, b) => a.time - b.time);
        const wholeAt = from === monthAgo ? startedAt : cached?.wholeAt;
        await db.put('oiHistory', {
          key,
          venue: venue.id,
          coin,
          fetchedAt: now(),
          wholeAt,
          points,
        });
        onSuccess?.(venue.id, startedAt);
        return true;
      } catch (error) {
        return failed(venue, key, error);
      }
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, task);
    return task;
  }

  /** A failed history request is not repeated before this: a down venue must not be hammered. */
  const recentlyFailed = (key: string) =>
    now() - (failedAt.get(key) ?? Number.NEGATIVE_INFINITY) < RETRY_AFTER_FAILURE_MS;

  async function ownSnapshots(coin: string): Promise<Map<VenueId, OiPoint[]>> {
    const since = Math.floor((now() - HISTORY_DAYS * DAY_MS) / HOUR_MS) * HOUR_MS;
    const records = await db.getAll('oiSnapshots', IDBKeyRange.lowerBound(since));
    const byVenue = new Map<VenueId, OiPoint[]>();
    for (const record of records) {
      for (const [rowCoin, venue, oiUsd] of record.rows) {
        if (rowCoin !== coin) continue;
        const points = byVenue.get(venue) ?? [];
        points.push({ time: record.time, oiUsd });
        byVenue.set(venue, points);
      }
    }
    return byVenue;
  }

  return {
    /**
     * Keeps the first poll of each hour, stamped with its own time, per coin and venue: the
     * history of venues that serve none.
     */
    async recordSnapshots(snapshots: readonly VenueSnapshot[]) {
      const hour = Math.floor(now() / HOUR_MS) * HOUR_MS;
      if (await db.getKey('oiSnapshots', hour)) return;
      const rows: Array<[string, VenueId, number]> = [];
      for (const snapshot of snapshots) {
        for (const row of snapshot.rows) {
          if (row.oiUsd !== null) rows.push([row.coin, row.venue, row.oiUsd]);
        }
      }
      await db.put('oiSnapshots', { hour, time: now(), rows });
      const cutoff = hour - HISTORY_DAYS * DAY_MS;
      await db.delete('oiSnapshots', IDBKeyRange.upperBound(cutoff, true));
    },

    /**
     * The coin's hourly history per venue (series keyed by venue id) from what is cached now;
     * `refreshed` settles when stale venue histories have been fetched again.
     */
    async coinSeries(coin: string): Promise<{ series: OiSeries[]; refreshed: Promise<boolean> }> {
      const own = await ownSnapshots(coin);
      const series: OiSeries[] = [];
      const stale: Promise<boolean>[] = [];
      for (const venue of venues) {
        if (!isEnabled(venue.id)) continue;
        if (!venue.fetchOiHistory) {
          const points = own.get(venue.id);
          if (points) series.push({ key: venue.id, points });
          continue;
        }
        const cached = await db.get('oiHistory', `${venue.id}|${coin}`);
        if (cached) series.push({ key: venue.id, points: cached.points });
        const due = !cached || now() - cached.fetchedAt >= HISTORY_MAX_AGE_MS;
        if (
          due &&
          !recentlyFailed(`${venue.id}|${coin}`) &&
          (await marketsOf(venue, coin)).length > 0
        ) {
          stale.push(refresh(venue, coin));
        }
      }
      const refreshed = Promise.all(stale).then((wrote) => wrote.some(Boolean));
      return { series, refreshed };
    },

    /**
     * Settled funding of the coin on each venue that serves it, from `symbols` (the market per
     * venue to ask for), fetched on demand and cached for an hour; venues without such history are
     * left out. Resolves once stale caches have been fetched again (or failed).
     */
    async fundingHistory(
      coin: string,
      symbols: ReadonlyMap<VenueId, string>,
    ): Promise<Map<VenueId, FundingSettlement[]>> {
      const found = new Map<VenueId, FundingSettlement[]>();
      await Promise.all(
        venues.map(async (venue) => {
          const symbol = symbols.get(venue.id);
          if (!venue.fetchFundingHistory || !symbol) return;
          const key = `${venue.id}|${coin}`;
          let cached = await db.get('fundingHistory', key);
          const fresh = cached?.symbol === symbol && now() - cached.fetchedAt < HISTORY_MAX_AGE_MS;
          if (!fresh && !recentlyFailed(`funding|${key}`)) {
            cached = (await refreshFunding(venue, coin, symbol)) ?? cached;
          }
          if (cached) found.set(venue.id, cached.settlements);
        }),
      );
      return found;
    },

    /**
     * Long/short liquidation buckets of the coin over the last day from the venues that publish
     * them (Gate), as cached now; `refreshed` settles when a stale cache has been fetched again.
     */
    liquidationHistory(coin: string): {
      buckets: LiquidationBucket[];
      refreshed: Promise<boolean>;
    } {
      const buckets: LiquidationBucket[] = [];
      const stale: Promise<boolean>[] = [];
      for (const venue of venues) {
        if (!venue.fetchLiquidationHistory || !isEnabled(venue.id)) continue;
        const key = `${venue.id}|${coin}`;
        const cached = liquidationCache.get(key);
        if (cached) buckets.push(...cached.buckets);
        const due = !cached || now() - cached.fetchedAt >= LIQUIDATION_HISTORY_MAX_AGE_MS;
        if (due && !recentlyFailed(`liquidations|${key}`))
          stale.push(refreshLiquidations(venue, coin, key));
      }
      return { buckets, refreshed: Promise.all(stale).then((wrote) => wrote.some(Boolean)) };
    },
  };
}
export type History = ReturnType<typeof createHistory>;
