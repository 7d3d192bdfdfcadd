import { describe, expect, it } from 'vitest';
import type { OiPoint } from '../../../src/core/market';
import {
  aggregateSeries,
  HOUR_MS,
  MIN_PERCENTILE_HOURS,
  type OiSeries,
  oiChange,
  oiPercentile,
  valueAt,
} from '../../../src/core/oi-history';

/** 2025-09-22 12:00:00 UTC, on the hour. */
const NOW = Date.UTC(2025, 8, 22, 12, 0, 0, 0);
const H = HOUR_MS;
const MIN = 60_000;

const at = (hoursFromNow: number, oiUsd: number, offsetMs = 0): OiPoint => ({
  time: NOW + hoursFromNow * H + offsetMs,
  oiUsd,
});

/** `count` hourly points ending `endHoursAgo` hours before NOW; values from `value(i)`, oldest first. */
const hourly = (count: number, value: (i: number) => number, endHoursAgo = 0): OiPoint[] =>
  Array.from({ length: count }, (_, i) => at(-(endHoursAgo + count - 1 - i), value(i)));

// Venues stamp hourly rows at or near the hour: a lookup must land on the nearest hour's point,
// and must not borrow a point from further away.
describe('valueAt', () => {
  // Given newest first, to show the order does not matter.
  const points = [at(0, 30), at(-1, 20), at(-2, 10)];

  it('matches a point exactly on its hour', () => {
    expect(valueAt(points, NOW - 2 * H)).toBe(10);
    expect(valueAt(points, NOW)).toBe(30);
  });

  it('matches the nearest point within half an hour either side', () => {
    expect(valueAt(points, NOW - 2 * H + 29 * MIN)).toBe(10);
    expect(valueAt(points, NOW - 1 * H - 29 * MIN)).toBe(20);
    expect(valueAt(points, NOW - 1 * H + 29 * MIN)).toBe(20);
    expect(valueAt(points, NOW - 29 * MIN)).toBe(30);
    expect(valueAt(points, NOW - 31 * MIN)).toBe(20);
  });

  it('is null further than half an hour from every point', () => {
    expect(valueAt(points, NOW - 2 * H - 31 * MIN)).toBeNull();
    expect(valueAt(points, NOW + 31 * MIN)).toBeNull();
    expect(valueAt(points, NOW - 10 * H)).toBeNull();
    expect(valueAt([], NOW)).toBeNull();
  });

  it('is null in a gap of the history', () => {
    const gappy = [at(-3, 1), at(0, 4)];
    expect(valueAt(gappy, NOW - 2 * H)).toBeNull();
    expect(valueAt(gappy, NOW - 90 * MIN)).toBeNull();
  });

  it('matches points stamped a little off the hour', () => {
    const late = [at(-1, 7, 2_000), at(0, 8, -1_500)];
    expect(valueAt(late, NOW - H)).toBe(7);
    expect(valueAt(late, NOW)).toBe(8);
  });
});

// A change compares like with like: a venue without a figure at the start of the window must
// leave the end of it too, or its whole OI would look like growth.
describe('oiChange', () => {
  const series: OiSeries[] = [
    { key: 'binance', points: [at(-24, 100), at(-1, 120)] },
    { key: 'okx', points: [at(-24, 300), at(-1, 260)] },
    // History starts 10h ago: nothing 24h ago.
    { key: 'bybit', points: hourly(10, () => 500, 1) },
    // History 24h ago but no current figure.
    { key: 'gate', points: [at(-24, 1_000)] },
  ];
  const current = new Map([
    ['binance', 130],
    ['okx', 250],
    ['bybit', 1_000],
  ]);

  it('sums only the venues that have both ends', () => {
    // before 100 + 300 = 400, after 130 + 250 = 380: −5%.
    const change = oiChange(current, series, 24, NOW);
    expect(change.keys).toEqual(['binance', 'okx']);
    expect(change.pct).toBeCloseTo(-5, 12);
  });

  it('uses the point nearest to the start of the window when now is not on the hour', () => {
    // 24h before 12:20 is 12:20 yesterday: the 12:00 point.
    const change = oiChange(current, series, 24, NOW + 20 * MIN);
    expect(change.keys).toEqual(['binance', 'okx']);
    expect(change.pct).toBeCloseTo(-5, 12);
  });

  it('over 1h: binance 120 → 130 and bybit 500 → 1000, okx too', () => {
    // before 120 + 260 + 500 = 880, after 130 + 250 + 1000 = 1380: +56.8181…%.
    const change = oiChange(current, series, 1, NOW);
    expect(change.keys).toEqual(['binance', 'okx', 'bybit']);
    expect(change.pct).toBeCloseTo((500 / 880) * 100, 10);
  });

  it('is null with no history', () => {
    expect(oiChange(current, [], 24, NOW)).toMatchObject({ pct: null, keys: [] });
    expect(oiChange(current, [{ key: 'bybit', points: [] }], 24, NOW)).toEqual({
      pct: null,
      keys: [],
      beforeUsd: 0,
      afterUsd: 0,
    });
  });

  it('is null when the OI before was zero', () => {
    const zero: OiSeries[] = [{ key: 'binance', points: [at(-24, 0)] }];
    expect(oiChange(new Map([['binance', 50]]), zero, 24, NOW)).toEqual({
      pct: null,
      keys: ['binance'],
      beforeUsd: 0,
      afterUsd: 50,
    });
  });
});

// A chart of the summed OI must not dip where one venue's history has a hole.
describe('aggregateSeries', () => {
  it('sums only the hours where every series has a point', () => {
    const a: OiSeries = { key: 'a', points: [at(-5, 1), at(-4, 2), at(-2, 4), at(-1, 8)] };
    const b: OiSeries = {
      key: 'b',
      points: [at(-4, 10), at(-3, 20), at(-2, 40, 90_000), at(-1, 80), at(0, 160)],
    };
    expect(aggregateSeries([a, b], NOW - 5 * H, NOW)).toEqual([
      { time: NOW - 4 * H, oiUsd: 12 },
      { time: NOW - 2 * H, oiUsd: 44 },
      { time: NOW - H, oiUsd: 88 },
    ]);
  });

  it('starts at the first whole hour at or after `from` and includes `to`', () => {
    const a: OiSeries = { key: 'a', points: hourly(4, (i) => i + 1) }; // −3h … now: 1, 2, 3, 4
    expect(aggregateSeries([a], NOW - 3 * H + 1, NOW)).toEqual([
      { time: NOW - 2 * H, oiUsd: 2 },
      { time: NOW - H, oiUsd: 3 },
      { time: NOW, oiUsd: 4 },
    ]);
  });

  it('is empty without series', () => {
    expect(aggregateSeries([], NOW - 5 * H, NOW)).toEqual([]);
  });
});

// The 30-day percentile needs a week of history to mean anything, and compares the current total
// with past totals of the same venues only.
describe('oiPercentile', () => {
  const one = (points: OiPoint[], current: number) =>
    oiPercentile(new Map([['a', current]]), [{ key: 'a', points }], NOW);

  it('is null with fewer than 7 days of hourly points', () => {
    expect(MIN_PERCENTILE_HOURS).toBe(168);
    expect(
      one(
        hourly(167, (i) => i + 1),
        1_000,
      ),
    ).toEqual({ percentile: null, keys: [], hours: 0 });
    expect(
      one(
        hourly(168, (i) => i + 1),
        1_000,
      ),
    ).toEqual({
      percentile: 100,
      keys: ['a'],
      hours: 168,
    });
  });

  it('ignores points older than the window when counting the week', () => {
    const old = hourly(500, () => 1, 30 * 24 + 1);
    expect(one([...old, ...hourly(100, () => 2)], 2)).toEqual({
      percentile: null,
      keys: [],
      hours: 0,
    });
  });

  it('is 100 exactly at the maximum of 30 days of history', () => {
    // 30 days on the hour, both ends included: 721 points, values 1…721.
    const result = one(
      hourly(721, (i) => i + 1),
      721,
    );
    expect(result).toEqual({ percentile: 100, keys: ['a'], hours: 721 });
  });

  it('is 0 below every past hour', () => {
    expect(
      one(
        hourly(300, (i) => 10 + i),
        9.99,
      ),
    ).toEqual({
      percentile: 0,
      keys: ['a'],
      hours: 300,
    });
  });

  it('counts the hours at or below the current value: 150 of 1…200 is 75', () => {
    expect(
      one(
        hourly(200, (i) => i + 1),
        150,
      ),
    ).toEqual({ percentile: 75, keys: ['a'], hours: 200 });
    // Hours equal to the current value count as at or below: 150.5 gives the same.
    expect(
      one(
        hourly(200, (i) => i + 1),
        150.5,
      ).percentile,
    ).toBe(75);
    expect(
      one(
        hourly(200, (i) => i + 1),
        149.5,
      ).percentile,
    ).toBeCloseTo(74.5, 10);
  });

  it('leaves out venues without a current figure or without a week of history', () => {
    const series: OiSeries[] = [
      { key: 'a', points: hourly(200, (i) => i + 1) },
      { key: 'b', points: hourly(200, () => 1_000) },
      // No current figure: would shift every total by 1e6.
      { key: 'c', points: hourly(200, () => 1_000_000) },
      // Only 100 hours: would cut the common history to 100 hours, under a week.
      { key: 'd', points: hourly(100, () => 5) },
    ];
    const current = new Map([
      ['a', 150],
      ['b', 1_000],
      ['d', 5],
    ]);
    // Totals 1001…1200; current 1150: 150 of 200 at or below.
    expect(oiPercentile(current, series, NOW)).toEqual({
      percentile: 75,
      keys: ['a', 'b'],
      hours: 200,
    });
  });

  it('is null when usable venues share less than a week of hours', () => {
    const series: OiSeries[] = [
      { key: 'a', points: hourly(200, () => 1, 101) }, // −300h … −101h
      { key: 'b', points: hourly(200, () => 1) }, // −199h … now
    ];
    const current = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    // Common hours −199h … −101h: 99.
    expect(oiPercentile(current, series, NOW)).toEqual({
      percentile: null,
      keys: ['a', 'b'],
      hours: 99,
    });
  });
});
