import { describe, expect, it } from 'vitest';
import { chartFunding, chartOi, FUNDING_PERIOD_MS } from '../../../src/core/coin-history';
import { settlementsToEightHour } from '../../../src/core/funding';
import { hourlyLiquidations } from '../../../src/core/liquidation-windows';
import { bucketKey, type MinuteBucket } from '../../../src/core/liquidations';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 30);
const FROM = NOW - 30 * 24 * HOUR;

/** Hourly points from `hoursAgo` hours back to now, at `usd(hoursAgo)`. */
function hourly(hoursAgo: number, usd: (ago: number) => number) {
  const now = Math.floor(NOW / HOUR) * HOUR;
  return Array.from({ length: hoursAgo + 1 }, (_, i) => ({
    time: now - (hoursAgo - i) * HOUR,
    oiUsd: usd(hoursAgo - i),
  }));
}

describe('chartOi', () => {
  it('sums the venues whose history spans the chart, hour by hour', () => {
    const chart = chartOi(
      [
        { venue: 'binance', points: hourly(719, () => 100) },
        { venue: 'bybit', points: hourly(719, (ago) => 50 + ago) },
      ],
      FROM,
      NOW,
    );
    expect(chart.venues).toEqual(['binance', 'bybit']);
    expect(chart.excluded).toEqual([]);
    expect(chart.points).toHaveLength(720);
    expect(chart.points[0]).toEqual({ time: Math.floor(NOW / HOUR) * HOUR - 719 * HOUR, usd: 869 });
    expect(chart.points.at(-1)?.usd).toBe(150);
  });

  it('leaves out, and names, a venue whose own snapshots start days later', () => {
    const shortStart = Math.floor(NOW / HOUR) * HOUR - 72 * HOUR;
    const chart = chartOi(
      [
        { venue: 'binance', points: hourly(719, () => 100) },
        { venue: 'hyperliquid', points: hourly(72, () => 40) },
        { venue: 'bitget', points: [] },
      ],
      FROM,
      NOW,
    );
    expect(chart.venues).toEqual(['binance']);
    expect(chart.excluded).toEqual([
      { venue: 'hyperliquid', reason: 'too-short', since: shortStart },
      { venue: 'bitget', reason: 'no-data', since: null },
    ]);
    // Without Hyperliquid the sum has no jump 72 hours ago.
    expect(new Set(chart.points.map((p) => p.usd))).toEqual(new Set([100]));
  });

  it('keeps only the hours every included venue reports', () => {
    const gappy = hourly(719, () => 10).filter((_, i) => i !== 500);
    const chart = chartOi(
      [
        { venue: 'binance', points: hourly(719, () => 100) },
        { venue: 'okx', points: gappy },
      ],
      FROM,
      NOW,
    );
    expect(chart.points).toHaveLength(719);
    expect(chart.points.every((p) => p.usd === 110)).toBe(true);
  });
});

describe('chartFunding', () => {
  const periods = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => Math.floor(NOW / FUNDING_PERIOD_MS) * FUNDING_PERIOD_MS - i * FUNDING_PERIOD_MS,
    ).reverse();

  it('weights each venue’s mean 8h rate per period by its OI now', () => {
    const eightHourly = periods(3).map((time) => ({ time, rate8h: 0.0001 }));
    // Hourly settlements of 0.0003 and 0.0005 alternate: a mean of 0.0004 per period.
    const hourlyRates = periods(3).flatMap((start) =>
      Array.from({ length: 8 }, (_, h) => ({
        time: start + h * HOUR,
        rate8h: h % 2 ? 0.0005 : 0.0003,
      })),
    );
    const chart = chartFunding(
      [
        { venue: 'binance', points: eightHourly },
        { venue: 'hyperliquid', points: hourlyRates },
        { venue: 'gate', points: undefined },
      ],
      new Map([
        ['binance', 300],
        ['hyperliquid', 100],
      ]),
      NOW - 3 * FUNDING_PERIOD_MS,
      NOW,
    );
    expect(chart.venues).toEqual(['binance', 'hyperliquid']);
    expect(chart.excluded).toEqual([{ venue: 'gate', reason: 'not-served', since: null }]);
    // The last period is under way: Hyperliquid has settled in it only up to now.
    expect(chart.points.map((p) => p.time)).toEqual(periods(3));
    for (const point of chart.points.slice(0, 2))
      expect(point.rate8h).toBeCloseTo((0.0001 * 300 + 0.0004 * 100) / 400, 15);
  });

  it('skips a period one venue has no settlement in', () => {
    const [first, second, third] = periods(3) as [number, number, number];
    const chart = chartFunding(
      [
        { venue: 'binance', points: [first, second, third].map((time) => ({ time, rate8h: 1 })) },
        { venue: 'okx', points: [first, third].map((time) => ({ time, rate8h: 3 })) },
      ],
      new Map([
        ['binance', 1],
        ['okx', 1],
      ]),
      first,
      NOW,
    );
    expect(chart.points).toEqual([
      { time: first, rate8h: 2 },
      { time: third, rate8h: 2 },
    ]);
  });

  it('has no points when no venue with OI serves funding history', () => {
    const chart = chartFunding(
      [{ venue: 'bitget', points: undefined }],
      new Map([['bitget', 5]]),
      FROM,
      NOW,
    );
    expect(chart.points).toEqual([]);
    expect(chart.venues).toEqual([]);
  });
});

describe('settlementsToEightHour', () => {
  it('reads each settlement’s interval from the gap before it', () => {
    const t = Date.UTC(2026, 0, 1);
    const settled = settlementsToEightHour(
      [
        { time: t + 12 * HOUR, rate: 0.0001 },
        { time: t, rate: 0.0002 },
        { time: t + 8 * HOUR, rate: 0.0002 },
        { time: t + 13 * HOUR, rate: 0.0001 },
      ],
      4,
    );
    // First row: the market's interval now (4h); then 8h, 4h, 1h gaps; the 5h gap is not an
    // interval venues use, so the current one stands in.
    expect(settled.map((s) => s.time)).toEqual([t, t + 8 * HOUR, t + 12 * HOUR, t + 13 * HOUR]);
    expect(settled[0]?.rate8h).toBeCloseTo(0.0004, 15);
    expect(settled[1]?.rate8h).toBeCloseTo(0.0002, 15);
    expect(settled[2]?.rate8h).toBeCloseTo(0.0002, 15);
    expect(settled[3]?.rate8h).toBeCloseTo(0.0008, 15);
  });
});

describe('hourlyLiquidations', () => {
  const bucket = (minute: number, longUsd: number, shortUsd: number): MinuteBucket => ({
    key: bucketKey('binance', 'BTC', minute),
    venue: 'binance',
    coin: 'BTC',
    minute,
    longUsd,
    shortUsd,
    longCount: longUsd > 0 ? 1 : 0,
    shortCount: shortUsd > 0 ? 1 : 0,
  });
  const thisHour = Math.floor(NOW / HOUR) * HOUR;

  it('gives 24 clock-hour bars with their coverage, the last one up to now', () => {
    const bars = hourlyLiquidations({
      now: NOW,
      listening: new Map([['binance', [{ from: thisHour - 2 * HOUR, to: NOW }]]]),
      buckets: [bucket(thisHour - HOUR + 60_000, 1_000, 0), bucket(thisHour + 60_000, 0, 250)],
      history: [
        // Gate reports an hour the streams did not hear.
        {
          coin: 'BTC',
          venue: 'gate',
          start: thisHour - 5 * HOUR,
          durationMs: HOUR,
          longUsd: 40,
          shortUsd: 60,
        },
      ],
    });
    expect(bars).toHaveLength(24);
    expect(bars[0]?.start).toBe(thisHour - 23 * HOUR);
    expect(bars.at(-1)).toEqual({ start: thisHour, longUsd: 0, shortUsd: 250, coveredMinutes: 30 });
    expect(bars.at(-2)).toEqual({
      start: thisHour - HOUR,
      longUsd: 1_000,
      shortUsd: 0,
      coveredMinutes: 60,
    });
    expect(bars.at(-6)).toEqual({
      start: thisHour - 5 * HOUR,
      longUsd: 40,
      shortUsd: 60,
      coveredMinutes: 60,
    });
    // Hours nobody heard are unknown, not zero.
    expect(bars.at(-4)).toEqual({
      start: thisHour - 3 * HOUR,
      longUsd: null,
      shortUsd: null,
      coveredMinutes: 0,
    });
  });

  it('gives no bars where nothing can cover them', () => {
    expect(
      hourlyLiquidations({ now: NOW, listening: new Map(), buckets: [], history: [] }),
    ).toEqual([]);
  });
});
