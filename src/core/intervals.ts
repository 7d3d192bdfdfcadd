// Time intervals [from, to) in ms: when a stream was listening, which part of a window is covered.

export interface Interval {
  from: number;
  to: number;
}

/** Sorted, non-overlapping, with touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The times covered by both lists. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = mergeIntervals(a);
  const right = mergeIntervals(b);
  const both: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as Interval;
    const y = right[j] as Interval;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (to > from) both.push({ from, to });
    if (x.to < y.to) i++;
    else j++;
  }
  return both;
}

/** How much of `window` the intervals cover, in ms. */
export function coveredMs(intervals: readonly Interval[], window: Interval): number {
  return intersectIntervals(intervals, [window]).reduce((sum, i) => sum + (i.to - i.from), 0);
}

/** Intervals that end before `cutoff` are dropped; one that spans it is clipped. */
export function pruneBefore(intervals: readonly Interval[], cutoff: number): Interval[] {
  return intervals
    .filter((i) => i.to > cutoff)
    .map((i) => ({ from: Math.max(i.from, cutoff), to: i.to }));
}
