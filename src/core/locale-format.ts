// Numbers, moments and ages in the extension's UI language (`en-US`, `zh-CN`), with the options
// every view shares (format.ts).
import {
  ageParts,
  COMPACT_USD,
  DOLLARS_AND_CENTS,
  FUNDING_RATE,
  NOT_KNOWN,
  SIGNED_PERCENT,
  SMALL_USD,
  UTC_MOMENT,
} from './format';

const DAY_MS = 24 * 3_600_000;

/**
 * Formatters for one locale: compact USD, prices, signed percents, funding rates, moments, ages,
 * and the charts' times (in `timeZone`, the user's own unless a test names one).
 */
export function numberFormats(locale: string, timeZone?: string) {
  const compactUsd = new Intl.NumberFormat(locale, COMPACT_USD);
  const dollarsAndCents = new Intl.NumberFormat(locale, DOLLARS_AND_CENTS);
  const smallUsd = new Intl.NumberFormat(locale, SMALL_USD);
  const signedPercent = new Intl.NumberFormat(locale, SIGNED_PERCENT);
  const fundingRate = new Intl.NumberFormat(locale, FUNDING_RATE);
  const utcMoment = new Intl.DateTimeFormat(locale, UTC_MOMENT);
  const day = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone });
  const hour = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone });
  const localMoment = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const unit = (name: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const units = {
    second: unit('second'),
    minute: unit('minute'),
    hour: unit('hour'),
    day: unit('day'),
  };
  return {
    /** `$1.95B` (`US$19.5亿`); a figure that is not known is a dash, never zero. */
    usdCompact: (value: number | null) => (value === null ? NOT_KNOWN : compactUsd.format(value)),
    /** A price: `$65,114.30`, `$0.60`, `$0.00001234`. */
    price(value: number | null): string {
      if (value === null) return NOT_KNOWN;
      return Math.abs(value) >= 1 ? dollarsAndCents.format(value) : smallUsd.format(value);
    },
    /** A percent value (−3.2 means −3.2%) with its sign: `+1.2%`, `-3.2%`. */
    percent: (value: number | null) =>
      value === null ? NOT_KNOWN : signedPercent.format(value / 100),
    /** An 8-hour funding rate (a fraction: 0.0001) as a percent: `+0.0100%`. */
    fundingRate: (rate: number | null) => (rate === null ? NOT_KNOWN : fundingRate.format(rate)),
    /** When listening started, where a history begins: `Nov 25, 10:58 UTC`, `11月25日 10:58 UTC`. */
    moment: (ms: number) => `${utcMoment.format(ms)} UTC`,
    /** A chart's time tick: the day (`11/25`) for ticks a day or more apart, else the hour (`18时`). */
    timeTick: (ms: number, spacingMs: number) => (spacingMs >= DAY_MS ? day : hour).format(ms),
    /** A moment on the user's clock: `Nov 25, 3:00 PM`, `11月25日 15:00`. */
    localMoment: (ms: number | null) => (ms === null ? NOT_KNOWN : localMoment.format(ms)),
    /** A plain number: `-0.5`, `10,000,000,000`. */
    number: (value: number) => plain.format(value),
    /** A duration in the locale's words: `45 sec`, `3 min`, `2 hr` (`3分钟` in Chinese). */
    age(ms: number): string {
      const { unit: name, amount } = ageParts(ms);
      return units[name].format(amount);
    },
  };
}
