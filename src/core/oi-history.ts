// Open interest over time, across venues: changes and the 30-day percentile compare like with
// like, so a venue enters a figure only where its history covers both ends.
import type { OiPoint } from './market';

export const HOUR_MS = 3_600_000;
/** Fewer hours of history than this make a 30-day percentile meaningless. */
export const MIN_PERCENTILE_HOURS = 7 * 24;

/** Hourly OI of one market: a venue's figures for one coin, or one coin on one venue. */
export interface OiSeries {
  /** Matches the key of the current figure in the `current` maps below. */
  key: string;
  /** Hourly points, any order. */
  points: readonly OiPoint[];
}

const hourKey = (time: number) => Math.round(time / HOUR_MS);

/** Points by the hour they stand for (venues stamp hourly rows at or near the hour). */
function byHour(points: readonly OiPoint[]): Map<number, number> {
  return new Map(points.map((point) => [hourKey(point.time), point.oiUsd]));
}

/** A point stands for a time at most this far from it: history is hourly. */
const MATCH_TOLERANCE_MS = 30 * 60_000;

/** The value of the point nearest to `time`, if one lies within half an hour of it. */
export function valueAt(points: readonly OiPoint[], time: number): number | null {
  let best: OiPoint | null = null;
  for (const point of points) {
    const distance = Math.abs(point.time - time);
    if (distance <= MATCH_TOLERANCE_MS && (!best || distance < Math.abs(best.time - time)))
      best = point;
  }
  return best ? best.oiUsd : null;
}

export interface OiChange {
  pct: number | null;
  /** The summed OI then and now over `keys`, USD. */
  beforeUsd: number;
  afterUsd: number;
  /** The series whose history covered the start of the window. */
  keys: string[];
}

/** Change of the summed OI from `hoursAgo` to now, over the venues that have both figures. */
export function oiChange(
  current: ReadonlyMap<string, number>,
  series: readonly OiSeries[],
  hoursAgo: number,
  now: number,
): OiChange {
  let before = 0;
  let after = 0;
  const keys: string[] = [];
  for (const { key, points } of series) {
    const then = valueAt(points, now - hoursAgo * HOUR_MS);
    const latest = current.get(key);
    if (then === null || latest === undefined) continue;
    before += then;
    after += latest;
    keys.push(key);
  }
  return {
    pct: before > 0 ? ((after - before) / before) * 100 : null,
    keys,
    beforeUsd: before,
    afterUsd: after,
  };
}

/** Hourly totals over the venues given, at the hours where every one of them has a point. */
export function aggregateSeries(series: readonly OiSeries[], from: number, to: number): OiPoint[] {
  const totals: OiPoint[] = [];
  if (series.length === 0) return totals;
  const indexes = series.map(({ points }) => byHour(points));
  for (let hour = Math.ceil(from / HOUR_MS) * HOUR_MS; hour <= to; hour += HOUR_MS) {
    let sum = 0;
    let complete = true;
    for (const index of indexes) {
      const value = index.get(hourKey(hour));
      if (value === undefined) {
        complete = false;
        break;
      }
      sum += value;
    }
    if (complete) totals.push({ time: hour, oiUsd: sum });
  }
  return totals;
}

export interface OiPercentile {
  /** Share of the window's hourly totals at or below the current total, 0–100. */
  percentile: number | null;
  keys: string[];
  hours: number;
}

/**
 * Where today's OI stands within the last `days`: venues with at least a week of history enter,
 * and the current total is compared with those venues' past totals only.
 */
export function oiPercentile(
  current: ReadonlyMap<string, number>,
  series: readonly OiSeries[],
  now: number,
  days = 30,
): OiPercentile {
  const from = now - days * 24 * HOUR_MS;
  const usable = series.filter(
    ({ key, points }) =>
      current.has(key) &&
      points.filter((p) => p.time >= from && p.time <= now).length >= MIN_PERCENTILE_HOURS,
  );
  const history = aggregateSeries(usable, from, now);
  const keys = usable.map((s) => s.key);
  if (history.length < MIN_PERCENTILE_HOURS)
    return { percentile: null, keys, hours: history.length };
  const today = keys.reduce((sum, key) => sum + (current.get(key) ?? 0), 0);
  const atOrBelow = history.filter((point) => point.oiUsd <= today).length;
  return { percentile: (atOrBelow / history.length) * 100, keys, hours: history.length };
}
