// Number formatting options shared by every view, which all format in the extension's UI language
// with them: the popup, hover card, chart, exchange panel and notifications through
// locale-format.ts, the badge at page load through badge-words.ts (without the rest).
export const COMPACT_USD: Intl.NumberFormatOptions = {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
};
export const DOLLARS_AND_CENTS: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD' };
/** Below a dollar, cents say nothing ($0.00001): keep a few significant digits instead. */
export const SMALL_USD: Intl.NumberFormatOptions = {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 4,
};
/** Applied to a fraction (−0.032 for −3.2%). */
export const SIGNED_PERCENT: Intl.NumberFormatOptions = {
  style: 'percent',
  signDisplay: 'exceptZero',
  maximumFractionDigits: 2,
  minimumFractionDigits: 1,
};

/** An 8-hour funding rate (a fraction: 0.0001) as a signed percent: `+0.0100%`. */
export const FUNDING_RATE: Intl.NumberFormatOptions = {
  ...SIGNED_PERCENT,
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
};

/** A moment in UTC, on a 24-hour clock in every locale: `Nov 25, 10:58`, `11月25日 10:58`. */
export const UTC_MOMENT: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
};

export const NOT_KNOWN = '—';

export type AgeUnit = 'second' | 'minute' | 'hour' | 'day';

/** A duration as its largest sensible unit, rounded. */
export function ageParts(ms: number): { unit: AgeUnit; amount: number } {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return { unit: 'second', amount: seconds };
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return { unit: 'minute', amount: minutes };
  const hours = Math.round(minutes / 60);
  return hours < 48
    ? { unit: 'hour', amount: hours }
    : { unit: 'day', amount: Math.round(hours / 24) };
}
