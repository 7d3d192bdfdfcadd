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
