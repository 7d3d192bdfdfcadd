// A coin's history for its chart: the summed OI over 30 days and OI-weighted funding per 8-hour
// period. A sum only means something over a fixed set of venues, so a venue whose history starts
// much later than the others' is left out (and named) rather than appearing as a jump.
import type { ExcludedVenue, VenueId } from '../messages';
import { aggregateSeries, HOUR_MS, type OiSeries } from './oi-history';

/** A venue's history counts as covering the chart when it starts this close to the longest one. */
const START_TOLERANCE_MS = 6 * HOUR_MS;
export const FUNDING_PERIOD_MS = 8 * HOUR_MS;

/** One funding settlement, already normalised to an 8-hour rate (a fraction). */
export interface FundingSettlement {
  time: number;
  rate8h: number;
}

export interface VenueHistory<T> {
  venue: VenueId;
  /** Undefined where the venue serves no such history at all. */
  points: readonly T[] | undefined;
}

interface Selection<T> {
  included: Array<{ venue: VenueId; points: readonly T[] }>;
  excluded: ExcludedVenue[];
}

/** Splits the venues into those whose history spans the chart and those left out, with why. */
function selectVenues<T extends { time: number }>(
  histories: readonly VenueHistory<T>[],
  from: number,
): Selection<T> {
  const startOf = (points: readonly T[]) =>
    Math.min(...points.filter((p) => p.time >= from).map((p) => p.time));
  const withData = histories.filter((h) => h.points?.some((p) => p.time >= from));
  const earliest = Math.min(...withData.map((h) => startOf(h.points ?? [])));
  const selection: Selection<T> = { included: [], excluded: [] };
  for (const { venue, points } of histories) {
    if (points === undefined) {
      selection.excluded.push({ venue, reason: 'not-served', since: null });
    } else if (!withData.some((h) => h.venue === venue)) {
      selection.excluded.push({ venue, reason: 'no-data', since: null });
    } else if (startOf(points) - earliest > START_TOLERANCE_MS) {
      selection.excluded.push({ venue, reason: 'too-short', since: startOf(points) });
    } else {
      selection.included.push({ venue, points });
    }
  }
  return selection;
}

/** Hourly OI summed over the venues whose history spans the chart, at hours all of them report. */
export function chartOi(
  histories: readonly VenueHistory<{ time: number; oiUsd: number }>[],
  from: number,
  to: number,
) {
  const { included, excluded } = selectVenues(histories, from);
  const series: OiSeries[] = included.map(({ venue, points }) => ({ key: venue, points }));
  return {
    points: aggregateSeries(series, from, to).map(({ time, oiUsd }) => ({ time, usd: oiUsd })),
    venues: included.map(({ venue }) => venue),
    excluded,
  };
}

const periodOf = (time: number) => Math.floor(time / FUNDING_PERIOD_MS) * FUNDING_PERIOD_MS;

/** The mean 8h rate of each 8-hour period a venue settled in (hourly venues settle 8 times). */
function meanByPeriod(settlements: readonly FundingSettlement[]): Map<number, number> {
  const sums = new Map<number, { total: number; count: number }>();
  for (const { time, rate8h } of settlements) {
    const sum = sums.get(periodOf(time)) ?? { total: 0, count: 0 };
    sum.total += rate8h;
    sum.count += 1;
    sums.set(periodOf(time), sum);
  }
  return new Map([...sums].map(([period, { total, count }]) => [period, total / count]));
}

/**
 * Funding per 8-hour period, weighted by each venue's OI now, over the periods in which every
 * venue with history settled: a period some venues miss would weigh the others differently.
 */
export function chartFunding(
  histories: readonly VenueHistory<FundingSettlement>[],
  weights: ReadonlyMap<VenueId, number>,
  from: number,
  to: number,
) {
  const { included, excluded } = selectVenues(histories, from);
  const weighted = included.filter(({ venue }) => (weights.get(venue) ?? 0) > 0);
  for (const { venue } of included) {
    if (!weighted.some((w) => w.venue === venue))
      excluded.push({ venue, reason: 'no-data', since: null });
  }
  const means = weighted.map(({ venue, points }) => ({
    weight: weights.get(venue) ?? 0,
    byPeriod: meanByPeriod(points),
  }));
  const points: Array<{ time: number; rate8h: number }> = [];
  for (let period = periodOf(from); period <= to && means.length > 0; period += FUNDING_PERIOD_MS) {
    if (period < from) continue;
    if (!means.every(({ byPeriod }) => byPeriod.has(period))) continue;
    const totalWeight = means.reduce((sum, { weight }) => sum + weight, 0);
    const rate = means.reduce(
      (sum, { weight, byPeriod }) => sum + (byPeriod.get(period) ?? 0) * weight,
      0,
    );
    points.push({ time: period, rate8h: rate / totalWeight });
  }
  return { points, venues: weighted.map(({ venue }) => venue), excluded };
}
