import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eightHourRateToApr, toEightHourRate } from '../../../src/core/funding';

// Venues settle every 1h, 4h or 8h: rates must be put on one basis before they are averaged.
describe('toEightHourRate', () => {
  it.each([
    [0.0001, 8, 0.0001],
    [0.0001, 4, 0.0002],
    [0.0001, 1, 0.0008],
    [-0.00025, 4, -0.0005],
    [0.0003, 24, 0.0001],
  ])('%f every %ih is %f per 8h', (rate, hours, expected) => {
    expect(toEightHourRate(rate, hours)).toBeCloseTo(expected, 15);
  });

  it.each([0, -8, Number.NaN])('rejects a non-positive or unknown interval (%f)', (hours) => {
    expect(() => toEightHourRate(0.0001, hours)).toThrow(RangeError);
  });
});

// The card shows an APR next to the 8h rate: a simple (not compounded) annualisation.
describe('eightHourRateToApr', () => {
  it('0.01% per 8h is 10.95% a year (3 prints a day, 365 days)', () => {
    expect(eightHourRateToApr(0.0001)).toBeCloseTo(10.95, 10);
  });

  it('keeps the sign and is linear', () => {
    expect(eightHourRateToApr(-0.0002)).toBeCloseTo(-21.9, 10);
    expect(eightHourRateToApr(0)).toBe(0);
  });

  it('an hourly 0.01% is 87.6% a year once normalised', () => {
    expect(eightHourRateToApr(toEightHourRate(0.0001, 1))).toBeCloseTo(87.6, 10);
  });
});

const XRP_FUNDING = fileURLToPath(
  new URL(
    '../../../../shared/data/real/funding/binance_XRPUSDT_funding_8h_freqtrade_raw.json',
    import.meta.url,
  ),
);

// A real extreme print: Binance XRPUSDT during the 2021-12-04 crash.
describe.skipIf(!existsSync(XRP_FUNDING))('real Binance XRPUSDT 8h funding prints', () => {
  const rows = existsSync(XRP_FUNDING)
    ? (JSON.parse(readFileSync(XRP_FUNDING, 'utf8')) as Array<[number, number, ...number[]]>)
    : [];

  it('are 8h apart, so the rate is already an 8h rate', () => {
    for (let i = 1; i < rows.length; i++) {
      const gapHours = ((rows[i]?.[0] ?? 0) - (rows[i - 1]?.[0] ?? 0)) / 3_600_000;
      expect(gapHours).toBeCloseTo(8, 2);
    }
  });

  it('the most negative print (2021-12-04, -0.219334%) is about -240.2% APR', () => {
    const worst = rows.reduce((min, row) => (row[1] < min[1] ? row : min));
    expect(worst[1]).toBe(-0.00219334);
    expect(new Date(worst[0]).toISOString().slice(0, 10)).toBe('2021-12-04');
    const apr = eightHourRateToApr(toEightHourRate(worst[1], 8));
    expect(apr).toBeCloseTo(-240.17073, 4);
    expect(apr).toBeCloseTo(-240.2, 1);
  });
});
