// Reported liquidations kept as per-minute buckets per venue, coin and side: small enough to keep
// 30 days, exact enough for 1h/4h/24h windows, and additive so a restart can resume a bucket.
import type { VenueId } from '../messages';
import { coveredMs, type Interval, intersectIntervals } from './intervals';
import type { Liquidation, LiquidationBucket } from './market';

export const MINUTE_MS = 60_000;

export interface MinuteBucket {
  key: string;
  venue: VenueId;
  coin: string;
  /** Start of the minute, ms. */
  minute: number;
  longUsd: number;
  shortUsd: number;
  longCount: number;
  shortCount: number;
}

export const minuteOf = (time: number) => Math.floor(time / MINUTE_MS) * MINUTE_MS;
export const bucketKey = (venue: VenueId, coin: string, minute: number) =>
  `${venue}|${coin}|${minute}`;

/** Adds one liquidation to its bucket (created when missing); returns the bucket. */
export function addToBucket(
  buckets: Map<string, MinuteBucket>,
  liquidation: Liquidation,
): MinuteBucket {
  const minute = minuteOf(liquidation.time);
  const key = bucketKey(liquidation.venue, liquidation.coin, minute);
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = {
      key,
      venue: liquidation.venue,
      coin: liquidation.coin,
      minute,
      longUsd: 0,
      shortUsd: 0,
      longCount: 0,
      shortCount: 0,
    };
    buckets.set(key, bucket);
  }
  if (liquidation.side === 'long') {
    bucket.longUsd += liquidation.usd;
    bucket.longCount += 1;
  } else {
    bucket.shortUsd += liquidation.usd;
    bucket.shortCount += 1;
  }
  return bucket;
}

/** A key that identifies one reported event, for dropping a venue's replays after a reconnect. */
export function eventKey(liquidation: Liquidation): string {
  return `${liquidation.venue}|${liquidation.coin}|${liquidation.time}|${liquidation.side}|${liquidation.usd}`;
}

/** Keys are written to disk in pages of this many, so a flush rewrites only the pages it changed. */
export const RECENT_KEYS_PAGE = 500;

export interface RecentKeysPage {
  /** Pages are numbered in order of arrival; page n holds keys n × RECENT_KEYS_PAGE onwards. */
  page: number;
  keys: string[];
}

/** A bounded memory of recent event keys: the oldest are forgotten first. */
export class RecentKeys {
  /** Each key with its arrival number. */
  private readonly keys = new Map<string, number>();
  /**
   * Arrivals in order, oldest from `head` on. Kept beside the map because finding the map's
   * oldest key (`keys().next()`) walks past every entry deleted before it: at capacity, that made
   * each new key cost as much as all the evictions since the map last rehashed.
   */
  private arrivalKeys: string[] = [];
  private arrivalNumbers: number[] = [];
  private head = 0;
  private readonly changedPages = new Set<number>();
  private next = 0;

  constructor(
    private readonly capacity: number,
    initial: readonly RecentKeysPage[] = [],
  ) {
    for (const { page, keys } of [...initial].sort((a, b) => a.page - b.page)) {
      this.next = page * RECENT_KEYS_PAGE;
      for (const key of keys) this.remember(key);
    }
    // Restored keys are on disk already; new ones start on a fresh page.
    this.next = Math.ceil(this.next / RECENT_KEYS_PAGE) * RECENT_KEYS_PAGE;
    this.changedPages.clear();
  }

  /** True when the key was seen before; otherwise remembers it and returns false. */
  seenBefore(key: string): boolean {
    if (this.keys.has(key)) return true;
    this.remember(key);
    return false;
  }

  toArray(): string[] {
    return [...this.keys.keys()];
  }

  /** The pages that received keys since the last call, with the keys they hold now. */
  takeChangedPages(): RecentKeysPage[] {
    const changed = [...this.changedPages];
    this.changedPages.clear();
    return changed.map((page) => {
      const from = page * RECENT_KEYS_PAGE;
      const keys: string[] = [];
      for (const [key, at] of this.keys)
        if (at >= from && at < from + RECENT_KEYS_PAGE) keys.push(key);
      return { page, keys };
    });
  }

  private remember(key: string) {
    const at = this.next++;
    this.keys.set(key, at);
    this.arrivalKeys.push(key);
    this.arrivalNumbers.push(at);
    this.changedPages.add(Math.floor(at / RECENT_KEYS_PAGE));
    while (this.keys.size > this.capacity && this.head < this.arrivalKeys.length) {
      const oldest = this.arrivalKeys[this.head] as string;
      // A key remembered again later (restored twice) keeps its newer arrival.
      if (this.keys.get(oldest) === this.arrivalNumbers[this.head]) this.keys.delete(oldest);
      this.head += 1;
    }
    if (this.head > this.capacity) {
      this.arrivalKeys = this.arrivalKeys.slice(this.head);
      this.arrivalNumbers = this.arrivalNumbers.slice(this.head);
      this.head = 0;
    }
  }
}

export interface WindowTotals {
  longUsd: number;
  shortUsd: number;
  count: number;
}

/** Sums buckets whose minute lies in the window, and (when given) in the covered intervals. */
export function sumBuckets(
  buckets: Iterable<
    Pick<MinuteBucket, 'minute' | 'longUsd' | 'shortUsd' | 'longCount' | 'shortCount'>
  >,
  window: Interval,
  onlyWithin?: readonly Interval[],
): WindowTotals {
  const totals: WindowTotals = { longUsd: 0, shortUsd: 0, count: 0 };
  const within = onlyWithin && intersectIntervals(onlyWithin, [window]);
  for (const bucket of buckets) {
    if (bucket.minute < window.from || bucket.minute >= window.to) continue;
    if (within && !within.some((i) => bucket.minute >= i.from && bucket.minute + MINUTE_MS <= i.to))
      continue;
    totals.longUsd += bucket.longUsd;
    totals.shortUsd += bucket.shortUsd;
    totals.count += bucket.longCount + bucket.shortCount;
  }
  return totals;
}

/**
 * History buckets (Gate contract_stats) fill the parts of a window its stream did not hear:
 * only buckets lying wholly outside the venue's listening intervals count, so nothing is
 * counted twice.
 */
export function historyOutsideCoverage(
  history: readonly LiquidationBucket[],
  listening: readonly Interval[],
): LiquidationBucket[] {
  return history.filter(
    (bucket) =>
      coveredMs(listening, { from: bucket.start, to: bucket.start + bucket.durationMs }) === 0,
  );
}
