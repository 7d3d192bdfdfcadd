// What the user reads: unknown figures are a dash, never a zero; signs are explicit.
import { describe, expect, it } from 'vitest';
import { formatAge, formatPercent, formatUsdCompact } from '../../../src/core/format';
import { numberFormats } from '../../../src/core/locale-format';

describe('formatUsdCompact', () => {
  it('abbreviates large sums', () => {
    expect(formatUsdCompact(1_949_998_132.5)).toBe('$1.95B');
    expect(formatUsdCompact(5_000_000_000)).toBe('$5B');
    expect(formatUsdCompact(412_000_000)).toBe('$412M');
  });
  it('shows an unknown figure as a dash', () => {
    expect(formatUsdCompact(null)).toBe('—');
    expect(formatUsdCompact(0)).toBe('$0');
  });
});

describe('price', () => {
  it('keeps cents above a dollar and significant digits below', () => {
    const formatPrice = numberFormats('en-US').price;
    expect(formatPrice(65_000)).toBe('$65,000.00');
    expect(formatPrice(0.6)).toBe('$0.60');
    expect(formatPrice(0.00001)).toBe('$0.000010');
    expect(formatPrice(0.000012345)).toBe('$0.00001235');
    expect(formatPrice(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('signs changes and keeps a dash for unknown', () => {
    expect(formatPercent(-3.2)).toBe('-3.2%');
    expect(formatPercent(2.345)).toBe('+2.35%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatAge', () => {
  it('picks a unit a person reads at a glance', () => {
    expect(formatAge(12_400)).toBe('12 s');
    expect(formatAge(3 * 60_000)).toBe('3 min');
    expect(formatAge(5 * 3_600_000)).toBe('5 h');
    expect(formatAge(3 * 86_400_000)).toBe('3 d');
    expect(formatAge(-5)).toBe('0 s');
  });
});

describe('numberFormats in the browser language', () => {
  it('formats compact USD, signed percents and ages in Simplified Chinese', () => {
    const zh = numberFormats('zh-CN');
    expect(zh.usdCompact(1.95e9)).toBe('US$19.5亿');
    expect(zh.percent(2.5)).toBe('+2.5%');
    expect(zh.age(180_000)).toBe('3分钟');
    expect(zh.usdCompact(null)).toBe('—');
  });

  it('formats ages in English units for the popup', () => {
    const en = numberFormats('en-US');
    expect(en.age(5_000)).toBe('5 sec');
    expect(en.age(3 * 3_600_000)).toBe('3 hr');
    expect(en.percent(-3.2)).toBe('-3.2%');
  });
});
