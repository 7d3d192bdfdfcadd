import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../src/core/intervals';
import {
  addToBucket,
  bucketKey,
  eventKey,
  historyOutsideCoverage,
  MINUTE_MS,
  type MinuteBucket,
  minuteOf,
  RECENT_KEYS_PAGE,
  RecentKeys,
  sumBuckets,
} from '../../../src/core/liquidations';
import type { Liquidation, LiquidationBucket } from '../../../src/core/market';

/** 2025-09-22 10:15:00.000 UTC, a minute boundary. */
const T0 = Date.UTC(2025, 8, 22, 10, 15, 0, 0);
const MIN = MINUTE_MS;

const liq = (overrides: Partial<Liquidation> = {}): Liquidation => ({
  coin: 'BTC',
  venue: 'binance',
  side: 'long',
  usd: 1000,
  time: T0 + 5_000,
  ...overrides,
});

// Buckets are keyed by the start of the minute: every event of one minute must land in one key.
describe('minuteOf and bucketKey', () => {
  it('floors a time to the start of its minute', () => {
    expect(minuteOf(Date.UTC(2025, 8, 22, 10, 15, 42, 500))).toBe(T0);
    expect(minuteOf(T0 + MIN - 1)).toBe(T0);
    expect(minuteOf(T0)).toBe(T0);
    expect(minuteOf(T0 + MIN)).toBe(T0 + MIN);
  });

  it('joins venue, coin and minute', () => {
    expect(bucketKey('binance', 'BTC', T0)).toBe(`binance|BTC|${T0}`);
    expect(bucketKey('okx', 'PEPE', 0)).toBe('okx|PEPE|0');
  });
});

// Per-minute sums are what is persisted: long and short must add up separately, in one bucket.
describe('addToBucket', () => {
  it('sums longs and shorts of the same minute into one bucket, with counts', () => {
    const buckets = new Map<string, MinuteBucket>();
    const first = addToBucket(buckets, liq({ usd: 1000, time: T0 + 5_000 }));
    addToBucket(buckets, liq({ usd: 2500.5, time: T0 + MIN - 1 }));
    addToBucket(buckets, liq({ side: 'short', usd: 700.25, time: T0 }));
    const last = addToBucket(buckets, liq({ side: 'short', usd: 99.75, time: T0 + 30_000 }));

    expect(buckets.size).toBe(1);
    expect(last).toBe(first);
    expect(buckets.get(bucketKey('binance', 'BTC', T0))).toEqual({
      key: `binance|BTC|${T0}`,
      venue: 'binance',
      coin: 'BTC',
      minute: T0,
      longUsd: 3500.5,
      shortUsd: 800,
      longCount: 2,
      shortCount: 2,
    });
  });

  it('gives a different venue, coin or minute its own bucket', () => {
    const buckets = new Map<string, MinuteBucket>();
    addToBucket(buckets, liq());
    const otherVenue = addToBucket(buckets, liq({ venue: 'bybit' }));
    const otherCoin = addToBucket(buckets, liq({ coin: 'ETH' }));
    const nextMinute = addToBucket(buckets, liq({ time: T0 + MIN }));

    expect(buckets.size).toBe(4);
    expect([...buckets.keys()].sort()).toEqual(
      [
        `binance|BTC|${T0}`,
        `bybit|BTC|${T0}`,
        `binance|ETH|${T0}`,
        `binance|BTC|${T0 + MIN}`,
      ].sort(),
    );
    expect(otherVenue).toMatchObject({ venue: 'bybit', coin: 'BTC', minute: T0 });
    expect(otherCoin).toMatchObject({ venue: 'binance', coin: 'ETH', minute: T0 });
    expect(nextMinute).toMatchObject({ minute: T0 + MIN, longUsd: 1000, longCount: 1 });
    for (const bucket of buckets.values()) {
      expect(bucket).toMatchObject({ longUsd: 1000, longCount: 1, shortUsd: 0, shortCount: 0 });
    }
  });
});

// A venue replays recent events after a reconnect: equal events must give equal keys, others not.
describe('eventKey', () => {
  const base: Liquidation = {
    coin: 'BTC',
    venue: 'binance',
    side: 'long',
    usd: 12_345.67,
    time: T0 + 1_234,
  };

  it('is equal for identical events (separate objects)', () => {
    expect(eventKey({ ...base })).toBe(eventKey(base));
  });

  it('differs when any one field differs', () => {
    const variants: Liquidation[] = [
      base,
      { ...base, coin: 'ETH' },
      { ...base, venue: 'okx' },
      { ...base, side: 'short' },
      { ...base, usd: 12_345.68 },
      { ...base, time: base.time + 1 },
    ];
    expect(new Set(variants.map(eventKey)).size).toBe(variants.length);
  });
});

// Bounded so memory stays small; persisted, so the keys restored after a restart still count.
describe('RecentKeys', () => {
  it('answers false the first time and true afterwards', () => {
    const recent = new RecentKeys(10);
    expect(recent.seenBefore('a')).toBe(false);
    expect(recent.seenBefore('a')).toBe(true);
    expect(recent.seenBefore('b')).toBe(false);
    expect(recent.toArray()).toEqual(['a', 'b']);
  });

  it('forgets the oldest key first when over capacity', () => {
    const recent = new RecentKeys(3);
    for (const key of ['a', 'b', 'c']) expect(recent.seenBefore(key)).toBe(false);
    expect(recent.seenBefore('d')).toBe(false);
    expect(recent.toArray()).toEqual(['b', 'c', 'd']);
    // Seeing 'b' again does not make it younger: insertion order decides.
    expect(recent.seenBefore('b')).toBe(true);
    expect(recent.seenBefore('e')).toBe(false);
    expect(recent.toArray()).toEqual(['c', 'd', 'e']);
    expect(recent.seenBefore('a')).toBe(false);
    expect(recent.toArray()).toEqual(['d', 'e', 'a']);
  });

  it('keeps forgetting in order long after its capacity was first reached', () => {
    const recent = new RecentKeys(3);
    for (let i = 0; i < 100; i++) expect(recent.seenBefore(`k${i}`)).toBe(false);
    expect(recent.toArray()).toEqual(['k97', 'k98', 'k99']);
    expect(recent.seenBefore('k96')).toBe(false);
    expect(recent.seenBefore('k98')).toBe(true);
  });

  it('keeps a key restored twice by its newer page', () => {
    const recent = new RecentKeys(2, [
      { page: 1, keys: ['a'] },
      { page: 2, keys: ['b', 'a'] },
    ]);
    expect(recent.seenBefore('a')).toBe(true);
    expect(recent.seenBefore('b')).toBe(true);
    expect(recent.seenBefore('c')).toBe(false);
    expect(recent.seenBefore('a')).toBe(true);
  });

  it('counts restored keys as seen, oldest page first, keeping only the newest `capacity`', () => {
    const recent = new RecentKeys(2, [
      { page: 8, keys: ['y', 'z'] },
      { page: 7, keys: ['x'] },
    ]);
    expect(recent.toArray()).toEqual(['y', 'z']);
    expect(recent.seenBefore('z')).toBe(true);
    expect(recent.seenBefore('y')).toBe(true);
    expect(recent.seenBefore('x')).toBe(false);
  });

  it('hands out only the pages that received keys, each whole, once', () => {
    const recent = new RecentKeys(5_000);
    for (let i = 0; i < RECENT_KEYS_PAGE + 10; i++) recent.seenBefore(`k${i}`);
    const first = recent.takeChangedPages();
    expect(first.map((page) => [page.page, page.keys.length])).toEqual([
      [0, RECENT_KEYS_PAGE],
      [1, 10],
    ]);
    expect(recent.takeChangedPages()).toEqual([]);
    recent.seenBefore('k0');
    expect(recent.takeChangedPages()).toEqual([]);
    recent.seenBefore('new');
    expect(recent.takeChangedPages()).toEqual([
      { page: 1, keys: [...(first[1]?.keys ?? []), 'new'] },
    ]);
  });

  it('continues on a fresh page after a restore, so a partly filled page on disk is kept', () => {
    const recent = new RecentKeys(5_000, [{ page: 3, keys: ['a', 'b'] }]);
    expect(recent.takeChangedPages()).toEqual([]);
    recent.seenBefore('c');
    expect(recent.takeChangedPages()).toEqual([{ page: 4, keys: ['c'] }]);
  });

  it('a page keeps only keys still remembered once older ones are forgotten', () => {
    const recent = new RecentKeys(RECENT_KEYS_PAGE);
    for (let i = 0; i < RECENT_KEYS_PAGE + 3; i++) recent.seenBefore(`k${i}`);
    const [zero, one] = recent.takeChangedPages();
    expect(zero?.keys).toHaveLength(RECENT_KEYS_PAGE - 3);
    expect(one?.keys).toEqual([
      `k${RECENT_KEYS_PAGE}`,
      `k${RECENT_KEYS_PAGE + 1}`,
      `k${RECENT_KEYS_PAGE + 2}`,
    ]);
  });
});

// Window totals: a bucket belongs to a window by its start minute, and (with coverage) only when
// the whole minute was heard, so a partly heard minute is never reported as complete.
describe('sumBuckets', () => {
  const bucket = (minute: number, longUsd: number, shortUsd: number, count: number) => ({
    minute,
    longUsd,
    shortUsd,
    longCount: count,
    shortCount: 2 * count,
  });
  // Distinct powers of two, so each total tells exactly which buckets entered it.
  const buckets = [
    bucket(T0 - MIN, 1, 10, 1),
    bucket(T0, 2, 20, 10),
    bucket(T0 + MIN, 4, 40, 100),
    bucket(T0 + 59 * MIN, 8, 80, 1000),
    bucket(T0 + 60 * MIN, 16, 160, 10_000),
  ];
  const hour: Interval = { from: T0, to: T0 + 60 * MIN };

  it('counts buckets with window.from <= minute < window.to', () => {
    // T0, T0+1m and T0+59m: 2+4+8, 20+40+80, (10+100+1000)×3 events.
    expect(sumBuckets(buckets, hour)).toEqual({ longUsd: 14, shortUsd: 140, count: 3330 });
  });

  it('counts a bucket by its start even when the window ends within its minute', () => {
    expect(sumBuckets(buckets, { from: T0 + 1, to: T0 + 59 * MIN + 1 })).toEqual({
      longUsd: 12,
      shortUsd: 120,
      count: 3300,
    });
  });

  it('is zero for an empty window or no buckets', () => {
    expect(sumBuckets(buckets, { from: T0, to: T0 })).toEqual({
      longUsd: 0,
      shortUsd: 0,
      count: 0,
    });
    expect(sumBuckets([], hour)).toEqual({ longUsd: 0, shortUsd: 0, count: 0 });
  });

  it('with onlyWithin, counts a bucket only when its whole minute is covered', () => {
    // Listening from T0+30s: the T0 minute is half heard, T0+1m wholly; T0+59m not at all.
    const covered = [{ from: T0 + 30_000, to: T0 + 2 * MIN }];
    expect(sumBuckets(buckets, hour, covered)).toEqual({ longUsd: 4, shortUsd: 40, count: 300 });
  });

  it('with onlyWithin, joins touching intervals and clips coverage to the window', () => {
    const covered = [
      { from: T0 + 30_000, to: T0 + 3 * MIN },
      { from: T0 - 5 * MIN, to: T0 + 30_000 },
      { from: T0 + 59 * MIN, to: T0 + 90 * MIN },
    ];
    // T0 (heard in two touching pieces), T0+1m, T0+59m; T0+60m is outside the window.
    expect(sumBuckets(buckets, hour, covered)).toEqual({ longUsd: 14, shortUsd: 140, count: 3330 });
    // A window ending mid-minute clips the coverage: the T0+59m minute is no longer whole.
    expect(sumBuckets(buckets, { from: T0, to: T0 + 59 * MIN + 30_000 }, covered)).toEqual({
      longUsd: 6,
      shortUsd: 60,
      count: 330,
    });
  });

  it('with an empty onlyWithin counts nothing (unlike no onlyWithin)', () => {
    expect(sumBuckets(buckets, hour, [])).toEqual({ longUsd: 0, shortUsd: 0, count: 0 });
  });
});

// Gate's history fills what the stream did not hear; a bucket overlapping listening time would
// count the same liquidations twice, so only buckets wholly outside it are kept.
describe('historyOutsideCoverage', () => {
  const gate = (startMin: number, durationMin = 5): LiquidationBucket => ({
    coin: 'BTC',
    venue: 'gate',
    start: T0 + startMin * MIN,
    durationMs: durationMin * MIN,
    longUsd: startMin + 1,
    shortUsd: 0,
  });
  const listening = [{ from: T0 + 10 * MIN, to: T0 + 20 * MIN }];

  it('keeps buckets wholly outside (touching is outside) and drops any overlap', () => {
    const history = [gate(0), gate(5), gate(8), gate(10), gate(15), gate(18), gate(20), gate(25)];
    const kept = historyOutsideCoverage(history, listening);
    // 5–10 and 20–25 only touch the listening interval; 8–13 and 18–23 overlap it by 3 minutes.
    expect(kept.map((b) => (b.start - T0) / MIN)).toEqual([0, 5, 20, 25]);
    expect(kept[0]).toBe(history[0]);
  });

  it('drops a bucket that contains a short listening interval', () => {
    const brief = [{ from: T0 + 61 * MIN, to: T0 + 61 * MIN + 1 }];
    expect(historyOutsideCoverage([gate(60, 60), gate(0, 60)], brief)).toEqual([gate(0, 60)]);
  });

  it('keeps everything when nothing was heard', () => {
    const history = [gate(0), gate(10)];
    expect(historyOutsideCoverage(history, [])).toEqual(history);
  });

  it('together with the streamed buckets, counts each minute once', () => {
    // Streamed minutes 10–19 (inside listening), history in 5-minute buckets over 0–30.
    const streamed = Array.from({ length: 10 }, (_, i) => ({
      minute: T0 + (10 + i) * MIN,
      longUsd: 100,
      shortUsd: 0,
      longCount: 1,
      shortCount: 0,
    }));
    const history = [0, 5, 10, 15, 20, 25].map((m) => gate(m));
    const window = { from: T0, to: T0 + 30 * MIN };
    const live = sumBuckets(streamed, window, listening).longUsd;
    const filled = historyOutsideCoverage(history, listening).reduce((s, b) => s + b.longUsd, 0);
    // 10 × 100 streamed, plus history buckets 0, 5, 20, 25 (longUsd 1 + 6 + 21 + 26).
    expect(live + filled).toBe(1054);
  });
});
