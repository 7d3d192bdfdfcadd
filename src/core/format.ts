// Number formatting shared by the badge, the card and the popup.
const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

const dollarsAndCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
// Below a dollar, cents say nothing ($0.00001): keep a few significant digits instead.
const smallUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 4,
});

const signedPercent = new Intl.NumberFormat('en-US', {
  signDisplay: 'exceptZero',
  maximumFractionDigits: 2,
  minimumFractionDigits: 1,
});

const NOT_KNOWN = '—';

/** `$1.95B`; a figure that is not known is a dash, never zero. */
export function formatUsdCompact(value: number | null): string {
  return value === null ? NOT_KNOWN : compactUsd.format(value);
}

/** A price: `$65,114.30`, `$0.60`, `$0.00001234`. */
export function formatPrice(value: number | null): string {
  if (value === null) return NOT_KNOWN;
  return Math.abs(value) >= 1 ? dollarsAndCents.format(value) : smallUsd.format(value);
}

/** A percent value (−3.2 means −3.2%) with its sign: `+1.2%`, `−3.2%`. */
export function formatPercent(value: number | null): string {
  return value === null ? NOT_KNOWN : `${signedPercent.format(value)}%`;
}

/** How long ago, for "updated 3 min ago" lines. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
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
