// Liquidation windows (1h/4h/24h) from what the streams heard and what venues' history reports.
// A minute counts as covered when any source covered it: a stream listening on a venue that
// lists the coin, or a history bucket (DESIGN.md: "live streams since the extension started,
// plus history buckets where a venue has them"). History fills only what its venue's stream did
// not hear, so nothing is counted twice.
import type { LiquidationBar, Liquidations, LiquidationWindow, VenueId } from '../messages';
import { coveredMs, type Interval, mergeIntervals } from './intervals';
import { historyOutsideCoverage, MINUTE_MS, type MinuteBucket, sumBuckets } from './liquidations';
import type { LiquidationBucket } from './market';
import { HOUR_MS } from './oi-history';

export interface WindowSources {
  now: number;
  /** When each venue's stream was listening (venues with a stream that lists the coin). */
  listening: ReadonlyMap<VenueId, readonly Interval[]>;
  /** Streamed per-minute buckets of the coin (or of every coin, for the market). */
  buckets: readonly MinuteBucket[];
  /** History buckets, where a venue publishes them (Gate). */
  history: readonly LiquidationBucket[];
}

const WINDOW_HOURS = { '1h': 1, '4h': 4, '24h': 24 } as const;

/** Totals of one span: streamed buckets, plus history buckets where no stream listened. */
function spanTotals(
  { listening, buckets, history }: WindowSources,
  filling: readonly LiquidationBucket[],
  span: Interval,
): LiquidationWindow {
  const streamed = sumBuckets(buckets, span);
  // A history bucket belongs to the span it starts in: its amounts and its minutes together.
  const inSpan = history.filter((bucket) => bucket.start >= span.from && bucket.start < span.to);
  const filled = inSpan.filter((bucket) => filling.includes(bucket));
  const covered = mergeIntervals([
    ...[...listening.values()].flat(),
    ...inSpan.map((bucket) => ({ from: bucket.start, to: bucket.start + bucket.durationMs })),
  ]);
  const coveredMinutes = Math.floor(coveredMs(covered, span) / MINUTE_MS);
  if (coveredMinutes === 0 && streamed.count === 0 && filled.length === 0) {
    return { longUsd: null, shortUsd: null, count: null, coveredMinutes };
  }
  return {
    longUsd: streamed.longUsd + filled.reduce((sum, bucket) => sum + bucket.longUsd, 0),
    shortUsd: streamed.shortUsd + filled.reduce((sum, bucket) => sum + bucket.shortUsd, 0),
    count: streamed.count,
    coveredMinutes,
  };
}

/** History buckets that report something no stream of their venue heard. */
const fillingBuckets = ({ listening, history }: WindowSources) =>
  history.filter(
    (bucket) => historyOutsideCoverage([bucket], listening.get(bucket.venue) ?? []).length > 0,
  );

/** The windows, or null when nothing can ever cover them (no stream and no history). */
export function liquidationWindows(sources: WindowSources): Liquidations | null {
  const { now, listening, history } = sources;
  if (listening.size === 0 && history.length === 0) return null;
  const filling = fillingBuckets(sources);
  const window = (hours: number) =>
    spanTotals(sources, filling, { from: now - hours * HOUR_MS, to: now });
  return {
    '1h': window(WINDOW_HOURS['1h']),
    '4h': window(WINDOW_HOURS['4h']),
    '24h': window(WINDOW_HOURS['24h']),
  };
}

/**
 * One bar per clock hour over the last `hours` (the last one is the hour under way, up to now),
 * oldest first, each with the minutes of it that were covered; [] when nothing can cover them.
 */
export function hourlyLiquidations(sources: WindowSources, hours = 24): LiquidationBar[] {
  const { now, listening, history } = sources;
  if (listening.size === 0 && history.length === 0) return [];
  const filling = fillingBuckets(sources);
  const current = Math.floor(now / HOUR_MS) * HOUR_MS;
  const bars: LiquidationBar[] = [];
  for (let start = current - (hours - 1) * HOUR_MS; start <= current; start += HOUR_MS) {
    const { longUsd, shortUsd, coveredMinutes } = spanTotals(sources, filling, {
      from: start,
      to: Math.min(start + HOUR_MS, now),
    });
    bars.push({ start, longUsd, shortUsd, coveredMinutes });
  }
  return bars;
}
