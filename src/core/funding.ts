const HOURS_PER_YEAR = 24 * 365;

/** A funding rate paid every `intervalHours`, expressed per 8 hours (the common convention). */
export function toEightHourRate(rate: number, intervalHours: number): number {
  if (!(intervalHours > 0))
    throw new RangeError(`funding interval must be positive, got ${intervalHours}`);
  return (rate * 8) / intervalHours;
}

/** An 8-hour funding rate (fraction) as a simple annual rate in percent. */
export function eightHourRateToApr(rate8h: number): number {
  return rate8h * (HOURS_PER_YEAR / 8) * 100;
}

/** Intervals venues settle funding at, in hours. */
const SETTLEMENT_INTERVALS = new Set([1, 2, 4, 6, 8]);

/**
 * Settled rates, oldest first, as 8-hour rates. Each row's interval is the gap since the one
 * before where that gap is a settlement interval (a market moved from 8h to 4h keeps its past
 * right); elsewhere (the first row, a gap in the data) the market's current interval is used.
 */
export function settlementsToEightHour(
  rows: ReadonlyArray<{ time: number; rate: number }>,
  currentIntervalHours: number,
): Array<{ time: number; rate8h: number }> {
  const sorted = [...rows].sort((a, b) => a.time - b.time);
  return sorted.map((row, index) => {
    const previous = sorted[index - 1];
    const gapHours = previous ? Math.round((row.time - previous.time) / 3_600_000) : 0;
    const hours = SETTLEMENT_INTERVALS.has(gapHours) ? gapHours : currentIntervalHours;
    return { time: row.time, rate8h: toEightHourRate(row.rate, hours) };
  });
}
