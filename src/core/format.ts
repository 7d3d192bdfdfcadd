// Number formatting options shared by every view. The badge (at page load, before any locale
// code) and the chart captions get en-US from here; the popup, hover card, exchange panel and
// notifications format in the browser's language with the same options (locale-format.ts).
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

export const NOT_KNOWN = '—';

const compactUsd = new Intl.NumberFormat('en-US', COMPACT_USD);
const signedPercent = new Intl.NumberFormat('en-US', SIGNED_PERCENT);

/** `$1.95B`; a figure that is not known is a dash, never zero. */
export function formatUsdCompact(value: number | null): string {
  return value === null ? NOT_KNOWN : compactUsd.format(value);
}

/** A percent value (−3.2 means −3.2%) with its sign: `+1.2%`, `−3.2%`. */
export function formatPercent(value: number | null): string {
  return value === null ? NOT_KNOWN : signedPercent.format(value / 100);
}

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

const AGE_SUFFIX: Record<AgeUnit, string> = { second: 's', minute: 'min', hour: 'h', day: 'd' };

/** How long ago, in the page's English: `3 min`. */
export function formatAge(ms: number): string {
  const { unit, amount } = ageParts(ms);
  return `${amount} ${AGE_SUFFIX[unit]}`;
}

const fundingPercent = new Intl.NumberFormat('en-US', {
  signDisplay: 'exceptZero',
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});

/** An 8-hour funding rate (a fraction: 0.0001) as a percent: `+0.0100%`. */
export function formatFundingRate(rate: number | null): string {
  return rate === null ? NOT_KNOWN : `${fundingPercent.format(rate * 100)}%`;
}

const utcDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A moment as `25 Nov, 10:58 UTC`: when listening started, where a history begins. */
export function formatMoment(ms: number): string {
  return `${utcDateTime.format(ms)} UTC`;
}
