// Liquidations as they arrive: deduplicated, added to per-minute buckets in memory, written to
// IndexedDB in batches, with the intervals during which each venue's stream was listening.
// A restart resumes from what was written: buckets and coverage up to the last flush, and the
// recent event keys, so a venue replaying its last events after a reconnect counts nothing twice.
import { type Interval, mergeIntervals, pruneBefore } from '../core/intervals';
import {
  addToBucket,
  bucketKey,
  eventKey,
  type MinuteBucket,
  minuteOf,
  RECENT_KEYS_PAGE,
  RecentKeys,
  type RecentKeysPage,
  sumBuckets,
  type WindowTotals,
} from '../core/liquidations';
import type { Liquidation } from '../core/market';
import type { VenueId } from '../messages';
import type { Database } from './database';

const DAY_MS = 24 * 3_600_000;
/** Buckets kept on disk; windows up to 24 h are answered from memory. */
export const RETENTION_MS = 30 * DAY_MS;
/** Size bound on disk: the oldest buckets go first beyond this many. */
export const MAX_STORED_BUCKETS = 400_000;
const RECENT_KEYS_PER_VENUE = 5_000;
/** Disk slots per venue: the full pages the memory holds, and the one being filled. */
const RECENT_KEY_SLOTS = Math.ceil(RECENT_KEYS_PER_VENUE / RECENT_KEYS_PAGE) + 1;

export function createLiquidationStore(
  db: Database,
  now: () => number = Date.now,
  { maxStoredBuckets = MAX_STORED_BUCKETS } = {},
) {
  // Indexed by coin: a coin's windows read only its own buckets, not a whole day of every coin's.
  const bucketsByCoin = new Map<string, Map<string, MinuteBucket>>();
  const dirty = new Map<string, MinuteBucket>();
  /**
   * Events for minutes older than the day kept in memory whose bucket is not in memory: it may be
   * on disk, so the flush adds them to the stored bucket instead of overwriting it.
   */
  const late: Liquidation[] = [];
  const recent = new Map<VenueId, RecentKeys>();
  const coverage = new Map<VenueId, Interval[]>();
  /** The interval each connected stream is extending now. */
  const open = new Map<string, { venue: VenueId; interval: Interval }>();
  let coverageDirty = false;

  function recentFor(venue: VenueId): RecentKeys {
    let keys = recent.get(venue);
    if (!keys) {
      keys = new RecentKeys(RECENT_KEYS_PER_VENUE);
      recent.set(venue, keys);
    }
    return keys;
  }

  function bucketsOf(coin: string): Map<string, MinuteBucket> {
    let buckets = bucketsByCoin.get(coin);
    if (!buckets) {
      buckets = new Map();
      bucketsByCoin.set(coin, buckets);
    }
    return buckets;
  }

  function* bucketsFor(coin: string | null): Iterable<MinuteBucket> {
    if (coin !== null) {
      yield* bucketsByCoin.get(coin)?.values() ?? [];
      return;
    }
    for (const buckets of bucketsByCoin.values()) yield* buckets.values();
  }

  function intervalsOf(venue: VenueId): Interval[] {
    const live = [...open.values()].filter((o) => o.venue === venue).map((o) => o.interval);
    return mergeIntervals([...(coverage.get(venue) ?? []), ...live]);
  }

  return {
    /** Loads the last 24 h of buckets, the coverage and the recent keys written before a restart. */
    async hydrate() {
      const since = now() - DAY_MS;
      for (const bucket of await db.getAllFromIndex(
        'buckets',
        'minute',
        IDBKeyRange.lowerBound(since),
      )) {
        bucketsOf(bucket.coin).set(bucket.key, bucket);
      }
      for (const record of await db.getAll('coverage'))
        coverage.set(record.venue, record.intervals);
      const pagesByVenue = new Map<VenueId, RecentKeysPage[]>();
      for (const { venue, page, keys } of await db.getAll('recentKeyPages')) {
        pagesByVenue.set(venue, [...(pagesByVenue.get(venue) ?? []), { page, keys }]);
      }
      for (const [venue, pages] of pagesByVenue) {
        recent.set(venue, new RecentKeys(RECENT_KEYS_PER_VENUE, pages));
      }
    },

    /** Adds new events; returns how many were new (replays are dropped). */
    ingest(liquidations: readonly Liquidation[]): number {
      let added = 0;
      const oldest = now() - RETENTION_MS;
      for (const liquidation of liquidations) {
        // A late or replayed event older than the retention would only be pruned again.
        if (liquidation.time < oldest) continue;
        if (recentFor(liquidation.venue).seenBefore(eventKey(liquidation))) continue;
        added += 1;
        const key = bucketKey(liquidation.venue, liquidation.coin, minuteOf(liquidation.time));
        if (liquidation.time < now() - DAY_MS && !bucketsByCoin.get(liquidation.coin)?.has(key)) {
          late.push(liquidation);
          continue;
        }
        const bucket = addToBucket(bucketsOf(liquidation.coin), liquidation);
        dirty.set(bucket.key, bucket);
      }
      return added;
    },

    /** A stream (one connection) is alive at `at`: its listening interval grows to there. */
    listening(connection: string, venue: VenueId, at: number) {
      const current = open.get(connection);
      if (current) current.interval.to = Math.max(current.interval.to, at);
      else open.set(connection, { venue, interval: { from: at, to: at } });
      coverageDirty = true;
    },

    /** A stream closed: its interval ends where it was last known alive. */
    stopped(connection: string) {
      const current = open.get(connection);
      if (!current) return;
      open.delete(connection);
      coverage.set(
        current.venue,
        mergeIntervals([...(coverage.get(current.venue) ?? []), current.interval]),
      );
      coverageDirty = true;
    },

    coverage: intervalsOf,

    totals(
      coin: string | null,
      venues: readonly VenueId[] | null,
      window: Interval,
      onlyWithin?: Interval[],
    ): WindowTotals {
      const matching = [...bucketsFor(coin)].filter(
        (b) => venues === null || venues.includes(b.venue),
      );
      return sumBuckets(matching, window, onlyWithin);
    },

    /** Buckets of one coin (or of every coin) on every venue, within a window. */
    bucketsIn(coin: string | null, window: Interval): MinuteBucket[] {
      return [...bucketsFor(coin)].filter((b) => b.minute >= window.from && b.minute < window.to);
    },

    pendingWrites: () => dirty.size + late.length,

    /** Writes what changed since the last flush in one transaction. */
    async flush() {
      if (dirty.size === 0 && !coverageDirty && late.length === 0) return;
      const changed = [...dirty.values()];
      dirty.clear();
      const lateEvents = late.splice(0);
      coverageDirty = false;
      const tx = db.transaction(['buckets', 'coverage', 'recentKeyPages'], 'readwrite');
      const writes: Promise<unknown>[] = [];
      for (const bucket of changed) writes.push(tx.objectStore('buckets').put({ ...bucket }));
      const lateBuckets = new Map<string, MinuteBucket>();
      for (const event of lateEvents) {
        const key = bucketKey(event.venue, event.coin, minuteOf(event.time));
        const stored = lateBuckets.has(key) ? null : await tx.objectStore('buckets').get(key);
        if (stored) lateBuckets.set(key, stored);
        addToBucket(lateBuckets, event);
      }
      for (const bucket of lateBuckets.values()) writes.push(tx.objectStore('buckets').put(bucket));
      const venues = new Set<VenueId>([
        ...coverage.keys(),
        ...[...open.values()].map((o) => o.venue),
      ]);
      for (const venue of venues)
        writes.push(tx.objectStore('coverage').put({ venue, intervals: intervalsOf(venue) }));
      // Only the pages that received keys, in the same transaction as the buckets they counted:
      // in a cascade, rewriting every venue's keys on each flush would copy megabytes a second.
      for (const [venue, keys] of recent) {
        for (const { page, keys: pageKeys } of keys.takeChangedPages()) {
          const slot = `${venue}|${page % RECENT_KEY_SLOTS}`;
          writes.push(tx.objectStore('recentKeyPages').put({ slot, venue, page, keys: pageKeys }));
        }
      }
      await Promise.all([...writes, tx.done]);
    },

    /** Drops what is older than the retention, on disk and in memory, and keeps disk bounded. */
    async prune() {
      const cutoff = now() - RETENTION_MS;
      const memoryCutoff = now() - DAY_MS;
      for (const [coin, buckets] of bucketsByCoin) {
        for (const [key, bucket] of buckets)
          if (bucket.minute < memoryCutoff && !dirty.has(key)) buckets.delete(key);
        if (buckets.size === 0) bucketsByCoin.delete(coin);
      }
      for (const [venue, intervals] of coverage)
        coverage.set(venue, pruneBefore(intervals, cutoff));
      for (const { interval } of open.values()) interval.from = Math.max(interval.from, cutoff);
      coverageDirty = true;
      const tx = db.transaction('buckets', 'readwrite');
      const index = tx.store.index('minute');
      let cursor = await index.openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      let excess = (await tx.store.count()) - maxStoredBuckets;
      cursor = excess > 0 ? await index.openCursor() : null;
      while (cursor && excess > 0) {
        await cursor.delete();
        excess -= 1;
        cursor = await cursor.continue();
      }
      await tx.done;
    },
  };
}
export type LiquidationStore = ReturnType<typeof createLiquidationStore>;
