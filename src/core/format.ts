// Number formatting shared by the badge, the card and the popup. The popup formats in the
// browser's language (numberFormats(locale)); the badge and card keep en-US.
const NOT_KNOWN = '—';

/** Formatters for one locale: compact USD, prices, signed percents and ages. */
export function numberFormats(locale: string) {
  const compactUsd = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  });
  const dollarsAndCents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  // Below a dollar, cents say nothing ($0.00001): keep a few significant digits instead.
  const smallUsd = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumSignificantDigits: 2,
    maximumSignificantDigits: 4,
  });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 2,
    minimumFractionDigits: 1,
  });
  const unit = (name: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const units = {
    second: unit('second'),
    minute: unit('minute'),
    hour: unit('hour'),
    day: unit('day'),
  };
  return {
    /** `$1.95B`; a figure that is not known is a dash, never zero. */
    usdCompact: (value: number | null) => (value === null ? NOT_KNOWN : compactUsd.format(value)),
    /** A price: `$65,114.30`, `$0.60`, `$0.00001234`. */
    price(value: number | null): string {
      if (value === null) return NOT_KNOWN;
      return Math.abs(value) >= 1 ? dollarsAndCents.format(value) : smallUsd.format(value);
    },
    /** A percent value (−3.2 means −3.2%) with its sign: `+1.2%`, `−3.2%`. */
    percent: (value: number | null) =>
      value === null ? NOT_KNOWN : signedPercent.format(value / 100),
    /** A duration in the locale's words: `45 sec`, `3 min`, `2 hr` (`3分钟` in Chinese). */
    age(ms: number): string {
      const { unit: name, amount } = ageParts(ms);
      return units[name].format(amount);
    },
  };
}

/** A duration as its largest sensible unit, rounded. */
function ageParts(ms: number): { unit: 'second' | 'minute' | 'hour' | 'day'; amount: number } {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return { unit: 'second', amount: seconds };
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return { unit: 'minute', amount: minutes };
  const hours = Math.round(minutes / 60);
  return hours < 48
    ? { unit: 'hour', amount: hours }
    : { unit: 'day', amount: Math.round(hours / 24) };
}

const english = numberFormats('en-US');
export const formatUsdCompact = english.usdCompact;
export const formatPrice = english.price;
export const formatPercent = english.percent;

const AGE_SUFFIX = { second: 's', minute: 'min', hour: 'h', day: 'd' } as const;

/** How long ago, for "updated 3 min ago" lines on pages (the badge and card are in English). */
export function formatAge(ms: number): string {
  const { unit, amount } = ageParts(ms);
  return `${amount} ${AGE_SUFFIX[unit]}`;
}
