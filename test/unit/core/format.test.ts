// What the user reads: unknown figures are a dash, never a zero; signs are explicit.
import { describe, expect, it } from 'vitest';
import { ageParts } from '../../../src/core/format';
import { numberFormats } from '../../../src/core/locale-format';

const en = numberFormats('en-US');
const zh = numberFormats('zh-CN');

describe('compact USD', () => {
  it('abbreviates large sums', () => {
    expect(en.usdCompact(1_949_998_132.5)).toBe('$1.95B');
    expect(en.usdCompact(5_000_000_000)).toBe('$5B');
    expect(en.usdCompact(412_000_000)).toBe('$412M');
  });
  it('shows an unknown figure as a dash', () => {
    expect(en.usdCompact(null)).toBe('—');
    expect(en.usdCompact(0)).toBe('$0');
  });
});

describe('price', () => {
  it('keeps cents above a dollar and significant digits below', () => {
    const formatPrice = en.price;
    expect(formatPrice(65_000)).toBe('$65,000.00');
    expect(formatPrice(0.6)).toBe('$0.60');
    expect(formatPrice(0.00001)).toBe('$0.000010');
    expect(formatPrice(0.000012345)).toBe('$0.00001235');
    expect(formatPrice(null)).toBe('—');
  });
});

describe('percent', () => {
  it('signs changes and keeps a dash for unknown', () => {
    expect(en.percent(-3.2)).toBe('-3.2%');
    expect(en.percent(2.345)).toBe('+2.35%');
    expect(en.percent(0)).toBe('0.0%');
    expect(en.percent(null)).toBe('—');
  });
});

describe('funding rate', () => {
  it('shows an 8-hour rate as a signed percent with four decimals', () => {
    expect(en.fundingRate(0.0001)).toBe('+0.0100%');
    expect(en.fundingRate(-0.000125)).toBe('-0.0125%');
    expect(en.fundingRate(0)).toBe('0.0000%');
    expect(en.fundingRate(null)).toBe('—');
  });
  it('uses the locale’s decimal mark and percent sign', () => {
    expect(zh.fundingRate(0.0003)).toBe('+0.0300%');
    expect(numberFormats('de-DE').fundingRate(0.0003)).toBe('+0,0300\u00a0%');
  });
});

describe('moment', () => {
  const moment = Date.UTC(2026, 10, 22, 9, 5);
  it('says when in UTC on a 24-hour clock, in the locale’s order', () => {
    expect(en.moment(moment)).toBe('Nov 22, 09:05 UTC');
    expect(en.moment(Date.UTC(2026, 10, 22, 21, 5))).toBe('Nov 22, 21:05 UTC');
    expect(zh.moment(moment)).toBe('11月22日 09:05 UTC');
  });
});

describe('chart times', () => {
  const evening = Date.UTC(2026, 10, 25, 18, 5);
  const DAY = 86_400_000;
  const enUtc = numberFormats('en-US', 'UTC');
  const zhUtc = numberFormats('zh-CN', 'UTC');
  it('shows ticks a day or more apart as days, closer ones as hours, in the locale', () => {
    expect(enUtc.timeTick(evening, DAY)).toBe('11/25');
    expect(enUtc.timeTick(evening, 6 * 3_600_000)).toMatch(/^6\sPM$/);
    expect(zhUtc.timeTick(evening, 7 * DAY)).toBe('11/25');
    expect(zhUtc.timeTick(evening, 6 * 3_600_000)).toBe('18时');
  });
  it('says the moment under the cursor in the locale, and a dash where there is none', () => {
    expect(enUtc.localMoment(evening)).toMatch(/^Nov 25, 6:05\sPM$/);
    expect(zhUtc.localMoment(evening)).toBe('11月25日 18:05');
    expect(zhUtc.localMoment(null)).toBe('—');
  });
});

describe('ageParts', () => {
  it('picks a unit a person reads at a glance', () => {
    expect(ageParts(12_400)).toEqual({ unit: 'second', amount: 12 });
    expect(ageParts(3 * 60_000)).toEqual({ unit: 'minute', amount: 3 });
    expect(ageParts(5 * 3_600_000)).toEqual({ unit: 'hour', amount: 5 });
    expect(ageParts(3 * 86_400_000)).toEqual({ unit: 'day', amount: 3 });
    expect(ageParts(-5)).toEqual({ unit: 'second', amount: 0 });
  });
});

describe('numberFormats in the browser language', () => {
  it('formats compact USD, signed percents and ages in Simplified Chinese', () => {
    expect(zh.usdCompact(1.95e9)).toBe('US$19.5亿');
    expect(zh.percent(2.5)).toBe('+2.5%');
    expect(zh.age(180_000)).toBe('3分钟');
    expect(zh.usdCompact(null)).toBe('—');
  });

  it('formats ages in English units for the popup', () => {
    expect(en.age(5_000)).toBe('5 sec');
    expect(en.age(3 * 3_600_000)).toBe('3 hr');
    expect(en.percent(-3.2)).toBe('-3.2%');
  });
});
