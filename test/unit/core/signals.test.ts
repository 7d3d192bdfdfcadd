import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNAL_SETTINGS, type SignalSettings } from '../../../src/core/settings';
import { evaluateSignals, type SignalFigures } from '../../../src/core/signals';
import type { LiquidationWindow } from '../../../src/messages';

const D = DEFAULT_SIGNAL_SETTINGS;
const COIN = { applyOiFloor: true };
const MARKET = { applyOiFloor: false };

const liq = (longUsd: number | null, shortUsd: number | null, coveredMinutes = 1440) =>
  ({ longUsd, shortUsd, count: 12, coveredMinutes }) satisfies LiquidationWindow;

/** A calm coin: nothing fires, nothing is missing. */
const calm = (overrides: Partial<SignalFigures> = {}): SignalFigures => ({
  oiUsd: 1_000_000_000,
  oiChange24hPct: -1,
  oiPercentile30d: 50,
  fundingAprPct: 5,
  priceChange24hPct: 1,
  liquidations24h: liq(50_000_000, 50_000_000),
  ...overrides,
});

/** Exactly on every long-flush threshold: OI −7%, longs 75% of $100M, price −3%. */
const flushEdge = (overrides: Partial<SignalFigures> = {}) =>
  calm({
    oiChange24hPct: -7,
    priceChange24hPct: -3,
    liquidations24h: liq(75_000_000, 25_000_000),
    ...overrides,
  });

/** Exactly on every short-squeeze threshold: OI −7%, shorts 75% of $100M, price +3%. */
const squeezeEdge = (overrides: Partial<SignalFigures> = {}) =>
  calm({
    oiChange24hPct: -7,
    priceChange24hPct: 3,
    liquidations24h: liq(25_000_000, 75_000_000),
    ...overrides,
  });

const ids = (figures: SignalFigures, settings: SignalSettings = D, mode = COIN) =>
  evaluateSignals(figures, settings, mode)
    .signals.map((s) => s.id)
    .sort();

// The baseline every other case departs from must itself be quiet and complete.
describe('a calm coin', () => {
  it('fires nothing and misses nothing', () => {
    expect(evaluateSignals(calm(), D, COIN)).toEqual({ signals: [], missing: [] });
  });
});

// DESIGN.md: OI ≤ −7%, long share ≥ 75%, price ≤ −3%; the comparisons are inclusive.
describe('long-flush edges', () => {
  it('fires exactly at −7 / 75 / −3, with its inputs, thresholds and coverage', () => {
    const { signals, missing } = evaluateSignals(flushEdge(), D, COIN);
    expect(missing).toEqual([]);
    expect(signals).toHaveLength(1);
    const [flush] = signals;
    expect(flush?.id).toBe('long-flush');
    expect(flush?.inputs).toEqual({
      oiChange24hPct: -7,
      longSharePct: 75,
      priceChange24hPct: -3,
      liquidatedUsd: 100_000_000,
    });
    expect(flush?.thresholds).toEqual(D.longFlush);
    expect(flush?.thresholds).not.toBe(D.longFlush);
    expect(flush?.coveredMinutes).toBe(1440);
    expect(flush?.explanation).toBe(
      'Open interest fell 7.0% in 24h while 75% of $100M liquidated were longs and price fell 3.0%: leveraged longs were flushed.',
    );
  });

  it('does not fire with OI at −6.99', () => {
    expect(ids(flushEdge({ oiChange24hPct: -6.99 }))).toEqual([]);
  });

  it('does not fire with longs at 74.99%', () => {
    expect(ids(flushEdge({ liquidations24h: liq(74_990_000, 25_010_000) }))).toEqual([]);
  });

  it('does not fire with price at −2.99', () => {
    expect(ids(flushEdge({ priceChange24hPct: -2.99 }))).toEqual([]);
  });

  it('never fires on a rising OI, however one-sided and steep the rest', () => {
    const figures = calm({
      oiChange24hPct: 10,
      priceChange24hPct: -20,
      liquidations24h: liq(100_000_000, 0),
    });
    expect(ids(figures)).toEqual([]);
    expect(ids(calm({ ...figures, oiChange24hPct: 0 }))).toEqual(['spot-led']);
  });

  it('carries the coverage of the liquidation window, fires at exactly 60 minutes', () => {
    const result = evaluateSignals(
      flushEdge({ liquidations24h: liq(75_000_000, 25_000_000, 60) }),
      D,
      COIN,
    );
    expect(result.signals.map((s) => [s.id, s.coveredMinutes])).toEqual([['long-flush', 60]]);
  });

  it('explains a real-sized flush in one sentence', () => {
    // 387.6 / 412 = 94.08% longs; $412M total.
    const { signals } = evaluateSignals(
      calm({
        oiChange24hPct: -9.8,
        priceChange24hPct: -4.1,
        liquidations24h: liq(387_600_000, 24_400_000, 1440),
      }),
      D,
      COIN,
    );
    expect(signals.map((s) => s.explanation)).toEqual([
      'Open interest fell 9.8% in 24h while 94% of $412M liquidated were longs and price fell 4.1%: leveraged longs were flushed.',
    ]);
    expect(signals[0]?.inputs.longSharePct).toBeCloseTo(94.0777, 3);
    expect(signals[0]?.inputs.liquidatedUsd).toBe(412_000_000);
  });
});

// The mirror of long-flush: OI ≤ −7%, short share ≥ 75%, price ≥ +3%.
describe('short-squeeze edges', () => {
  it('fires exactly at −7 / 75 / +3, with the short share among its inputs', () => {
    const { signals } = evaluateSignals(squeezeEdge(), D, COIN);
    expect(signals).toHaveLength(1);
    const [squeeze] = signals;
    expect(squeeze?.id).toBe('short-squeeze');
    expect(squeeze?.inputs).toEqual({
      oiChange24hPct: -7,
      longSharePct: 25,
      shortSharePct: 75,
      priceChange24hPct: 3,
      liquidatedUsd: 100_000_000,
    });
    expect(squeeze?.thresholds).toEqual(D.shortSqueeze);
    expect(squeeze?.coveredMinutes).toBe(1440);
    expect(squeeze?.explanation).toBe(
      'Open interest fell 7.0% in 24h while 75% of $100M liquidated were shorts and price rose 3.0%: leveraged shorts were squeezed out.',
    );
  });

  it('does not fire just beyond any threshold', () => {
    expect(ids(squeezeEdge({ oiChange24hPct: -6.99 }))).toEqual([]);
    expect(ids(squeezeEdge({ liquidations24h: liq(25_010_000, 74_990_000) }))).toEqual([]);
    expect(ids(squeezeEdge({ priceChange24hPct: 2.99 }))).toEqual([]);
  });

  it('never fires on a rising OI or a falling price', () => {
    expect(ids(squeezeEdge({ oiChange24hPct: 7 }))).toEqual([]);
    expect(ids(squeezeEdge({ priceChange24hPct: -10 }))).toEqual([]);
  });
});

// Percentile ≥ 90 with funding APR ≥ +20% (overheated) or ≤ −10% (crowded shorts).
describe('overheated and crowded-shorts edges', () => {
  it('overheated fires exactly at percentile 90 and APR 20, with no coverage', () => {
    const { signals } = evaluateSignals(calm({ oiPercentile30d: 90, fundingAprPct: 20 }), D, COIN);
    expect(signals).toEqual([
      {
        id: 'overheated',
        explanation:
          'Open interest is at its 90th 30-day percentile with funding at +20.0% a year: longs are crowded and a reset is a risk.',
        inputs: { oiPercentile30d: 90, fundingAprPct: 20 },
        thresholds: D.overheated,
        coveredMinutes: null,
      },
    ]);
  });

  it('overheated does not fire at percentile 89.99 or APR 19.99', () => {
    expect(ids(calm({ oiPercentile30d: 89.99, fundingAprPct: 20 }))).toEqual([]);
    expect(ids(calm({ oiPercentile30d: 90, fundingAprPct: 19.99 }))).toEqual([]);
  });

  it('crowded-shorts fires exactly at percentile 90 and APR −10', () => {
    const { signals } = evaluateSignals(calm({ oiPercentile30d: 90, fundingAprPct: -10 }), D, COIN);
    expect(signals).toEqual([
      {
        id: 'crowded-shorts',
        explanation:
          'Open interest is at its 90th 30-day percentile with funding at -10.0% a year: shorts are crowded and a squeeze is a risk.',
        inputs: { oiPercentile30d: 90, fundingAprPct: -10 },
        thresholds: D.crowdedShorts,
        coveredMinutes: null,
      },
    ]);
  });

  it('crowded-shorts does not fire at APR −9.99 or percentile 89.99', () => {
    expect(ids(calm({ oiPercentile30d: 90, fundingAprPct: -9.99 }))).toEqual([]);
    expect(ids(calm({ oiPercentile30d: 89.99, fundingAprPct: -50 }))).toEqual([]);
  });
});

// abs(price) ≥ 3% with abs(OI) ≤ 2%: zero and both signs of OI change are inside.
describe('spot-led edges', () => {
  it('fires on price −3 with OI exactly 0', () => {
    const { signals } = evaluateSignals(
      calm({ priceChange24hPct: -3, oiChange24hPct: 0 }),
      D,
      COIN,
    );
    expect(signals).toEqual([
      {
        id: 'spot-led',
        explanation:
          'Price fell 3.0% in 24h while open interest moved only 0.0%: the move is not leverage-driven.',
        inputs: { priceChange24hPct: -3, oiChange24hPct: 0 },
        thresholds: D.spotLed,
        coveredMinutes: null,
      },
    ]);
  });

  it('fires at OI exactly +2 and −2, on either price direction', () => {
    expect(ids(calm({ priceChange24hPct: 3, oiChange24hPct: 2 }))).toEqual(['spot-led']);
    expect(ids(calm({ priceChange24hPct: -3, oiChange24hPct: -2 }))).toEqual(['spot-led']);
    const { signals } = evaluateSignals(
      calm({ priceChange24hPct: 5.25, oiChange24hPct: -1.5 }),
      D,
      COIN,
    );
    expect(signals[0]?.explanation).toBe(
      'Price rose 5.3% in 24h while open interest moved only -1.5%: the move is not leverage-driven.',
    );
  });

  it('does not fire just beyond: OI ±2.01 or price ±2.99', () => {
    expect(ids(calm({ priceChange24hPct: 3, oiChange24hPct: 2.01 }))).toEqual([]);
    expect(ids(calm({ priceChange24hPct: -3, oiChange24hPct: -2.01 }))).toEqual([]);
    expect(ids(calm({ priceChange24hPct: 2.99, oiChange24hPct: 0 }))).toEqual([]);
    expect(ids(calm({ priceChange24hPct: -2.99, oiChange24hPct: 0 }))).toEqual([]);
  });
});

// DESIGN.md: "Where data is missing, no signal fires and the card says what is missing."
describe('missing inputs', () => {
  it('a null OI change blocks long-flush and spot-led and is named', () => {
    const result = evaluateSignals(flushEdge({ oiChange24hPct: null }), D, COIN);
    expect(result).toEqual({ signals: [], missing: ['oi-change-24h'] });
    expect(ids(calm({ oiChange24hPct: null, priceChange24hPct: -5 }))).toEqual([]);
  });

  it('a null price change blocks long-flush, short-squeeze and spot-led and is named', () => {
    expect(evaluateSignals(flushEdge({ priceChange24hPct: null }), D, COIN)).toEqual({
      signals: [],
      missing: ['price-change-24h'],
    });
    expect(ids(squeezeEdge({ priceChange24hPct: null }))).toEqual([]);
    expect(ids(calm({ priceChange24hPct: null, oiChange24hPct: 0 }))).toEqual([]);
  });

  it('a null percentile blocks overheated and crowded-shorts and is named', () => {
    expect(evaluateSignals(calm({ oiPercentile30d: null, fundingAprPct: 200 }), D, COIN)).toEqual({
      signals: [],
      missing: ['oi-percentile'],
    });
    expect(ids(calm({ oiPercentile30d: null, fundingAprPct: -200 }))).toEqual([]);
  });

  it('a null funding blocks overheated and crowded-shorts and is named', () => {
    expect(evaluateSignals(calm({ oiPercentile30d: 100, fundingAprPct: null }), D, COIN)).toEqual({
      signals: [],
      missing: ['funding'],
    });
  });

  it('liquidations with null sums block flush and squeeze and are named', () => {
    expect(evaluateSignals(flushEdge({ liquidations24h: liq(null, null) }), D, COIN)).toEqual({
      signals: [],
      missing: ['liquidation-coverage'],
    });
    expect(ids(flushEdge({ liquidations24h: liq(75_000_000, null) }))).toEqual([]);
    expect(ids(squeezeEdge({ liquidations24h: liq(null, 75_000_000) }))).toEqual([]);
  });

  it('coverage under 60 minutes blocks flush and squeeze', () => {
    expect(
      evaluateSignals(flushEdge({ liquidations24h: liq(75_000_000, 25_000_000, 59) }), D, COIN),
    ).toEqual({ signals: [], missing: ['liquidation-coverage'] });
    expect(ids(squeezeEdge({ liquidations24h: liq(25_000_000, 75_000_000, 0) }))).toEqual([]);
  });

  it('a covered day with nothing liquidated fires no flush, and is not missing coverage', () => {
    expect(evaluateSignals(flushEdge({ liquidations24h: liq(0, 0) }), D, COIN)).toEqual({
      signals: [],
      missing: [],
    });
  });

  it('one missing input blocks only the rules that need it', () => {
    const result = evaluateSignals(
      flushEdge({ oiPercentile30d: 95, fundingAprPct: null }),
      D,
      COIN,
    );
    expect(result.signals.map((s) => s.id)).toEqual(['long-flush']);
    expect(result.missing).toEqual(['funding']);
    expect(ids(calm({ liquidations24h: liq(null, null), priceChange24hPct: -4 }))).toEqual([
      'spot-led',
    ]);
  });

  it('names every missing input when nothing is known', () => {
    const result = evaluateSignals(
      {
        oiUsd: 1e9,
        oiChange24hPct: null,
        oiPercentile30d: null,
        fundingAprPct: null,
        priceChange24hPct: null,
        liquidations24h: liq(null, null, 0),
      },
      D,
      COIN,
    );
    expect(result.signals).toEqual([]);
    expect([...result.missing].sort()).toEqual([
      'funding',
      'liquidation-coverage',
      'oi-change-24h',
      'oi-percentile',
      'price-change-24h',
    ]);
  });
});

// Coins under minOiUsd ($50M) are noise and get no signal; the market is never floored.
describe('OI floor', () => {
  it('a coin below $50M OI gets nothing, only the floor named', () => {
    const figures = flushEdge({ oiUsd: 49_999_999, oiPercentile30d: 95, fundingAprPct: 25 });
    expect(evaluateSignals(figures, D, COIN)).toEqual({
      signals: [],
      missing: ['signal-oi-floor'],
    });
  });

  it('a coin with unknown OI gets nothing', () => {
    expect(evaluateSignals(flushEdge({ oiUsd: null }), D, COIN)).toEqual({
      signals: [],
      missing: ['signal-oi-floor'],
    });
  });

  it('a coin at exactly $50M passes', () => {
    expect(ids(flushEdge({ oiUsd: 50_000_000 }))).toEqual(['long-flush']);
  });

  it('the market ignores the floor, even with OI unknown', () => {
    expect(ids(flushEdge({ oiUsd: 1_000_000 }), D, MARKET)).toEqual(['long-flush']);
    expect(ids(flushEdge({ oiUsd: null }), D, MARKET)).toEqual(['long-flush']);
  });
});

// The thresholds are the user's: the same figures must flip with the settings, and report them.
describe('custom settings', () => {
  const custom: SignalSettings = {
    longFlush: { oiChangePct: -5, longSharePct: 60, priceChangePct: -2 },
    shortSqueeze: { oiChangePct: -10, shortSharePct: 90, priceChangePct: 5 },
    overheated: { oiPercentile: 80, fundingAprPct: 10 },
    crowdedShorts: { oiPercentile: 95, fundingAprPct: -30 },
    spotLed: { priceChangePct: 5, oiChangePct: 0.5 },
    minOiUsd: 1_000_000,
    minCoveredMinutes: 30,
  };

  it('a milder flush fires under looser thresholds and reports them', () => {
    const figures = calm({
      oiUsd: 2_000_000,
      oiChange24hPct: -5,
      priceChange24hPct: -2,
      liquidations24h: liq(60, 40, 30),
    });
    expect(ids(figures, D)).toEqual([]);
    const { signals } = evaluateSignals(figures, custom, COIN);
    expect(signals.map((s) => s.id)).toEqual(['long-flush']);
    expect(signals[0]?.thresholds).toEqual(custom.longFlush);
    expect(signals[0]?.coveredMinutes).toBe(30);
  });

  it('a default squeeze does not fire under stricter thresholds', () => {
    expect(ids(squeezeEdge(), custom)).toEqual([]);
    const strong = squeezeEdge({
      oiChange24hPct: -10,
      priceChange24hPct: 5,
      liquidations24h: liq(10, 90),
    });
    const { signals } = evaluateSignals(strong, custom, COIN);
    expect(signals.map((s) => s.id)).toEqual(['short-squeeze']);
    expect(signals[0]?.thresholds).toEqual(custom.shortSqueeze);
  });

  it('overheated, crowded-shorts and spot-led follow their blocks', () => {
    expect(ids(calm({ oiPercentile30d: 80, fundingAprPct: 10 }), custom)).toEqual(['overheated']);
    expect(ids(calm({ oiPercentile30d: 80, fundingAprPct: 10 }), D)).toEqual([]);
    expect(ids(calm({ oiPercentile30d: 94, fundingAprPct: -40 }), custom)).toEqual([]);
    expect(ids(calm({ oiPercentile30d: 94, fundingAprPct: -40 }), D)).toEqual(['crowded-shorts']);
    expect(ids(calm({ priceChange24hPct: -4, oiChange24hPct: 0 }), custom)).toEqual([]);
    expect(ids(calm({ priceChange24hPct: -4, oiChange24hPct: 0 }), D)).toEqual(['spot-led']);
    const spot = evaluateSignals(calm({ priceChange24hPct: 5, oiChange24hPct: 0.5 }), custom, COIN);
    expect(spot.signals.map((s) => [s.id, s.thresholds])).toEqual([['spot-led', custom.spotLed]]);
  });

  it('the floor and the coverage minimum come from the settings', () => {
    const figures = flushEdge({ oiUsd: 20_000_000 });
    expect(ids(figures, D)).toEqual([]);
    expect(ids(figures, { ...D, minOiUsd: 10_000_000 })).toEqual(['long-flush']);
    const short = flushEdge({ liquidations24h: liq(75, 25, 30) });
    expect(ids(short, D)).toEqual([]);
    expect(ids(short, { ...D, minCoveredMinutes: 30 })).toEqual(['long-flush']);
  });
});

// Rules are independent: everything that qualifies fires together.
describe('several signals at once', () => {
  it('a flush on an overheated coin reports both', () => {
    expect(ids(flushEdge({ oiPercentile30d: 95, fundingAprPct: 25 }))).toEqual([
      'long-flush',
      'overheated',
    ]);
  });
});

// The sentences are read by people: ordinals and partial coverage must read right.
describe('explanations', () => {
  it('writes percentiles as ordinals: 91st, 92nd, 93rd, 94th, 111th', () => {
    const sentence = (rank: number) =>
      evaluateSignals(calm({ oiPercentile30d: rank, fundingAprPct: 40 }), D, COIN).signals[0]
        ?.explanation;
    expect(sentence(91)).toContain('at its 91st 30-day percentile');
    expect(sentence(92)).toContain('at its 92nd 30-day percentile');
    expect(sentence(93)).toContain('at its 93rd 30-day percentile');
    expect(sentence(94)).toContain('at its 94th 30-day percentile');
    expect(sentence(100)).toContain('at its 100th 30-day percentile');
  });

  it('says over how much of the day a liquidation share was measured', () => {
    const partial = evaluateSignals(
      flushEdge({ liquidations24h: liq(75_000_000, 25_000_000, 300) }),
      D,
      COIN,
    );
    expect(partial.signals[0]?.explanation).toBe(
      'Open interest fell 7.0% in 24h while 75% of $100M liquidated were longs (over the 5 h covered) and price fell 3.0%: leveraged longs were flushed.',
    );
  });
});
