import { describe, expect, it } from 'vitest';
import {
  HEAVY_OI_TO_MARKET_CAP_PCT,
  HOT_FUNDING_APR_PCT,
  leverageLevel,
} from '../../../src/core/level';

const calm = { fundingAprPct: 5, oiToMarketCapPct: 1 };

// The 30-day OI percentile sets the base: below 25 low, below 75 normal, below 95 elevated.
describe('percentile bands', () => {
  it.each([
    [0, 'low'],
    [24.9, 'low'],
    [25, 'normal'],
    [74.9, 'normal'],
    [75, 'elevated'],
    [94.9, 'elevated'],
    [95, 'extreme'],
    [100, 'extreme'],
  ] as const)('percentile %d is %s with calm funding and light OI', (oiPercentile, level) => {
    expect(leverageLevel({ oiPercentile, ...calm })).toBe(level);
    expect(leverageLevel({ oiPercentile, fundingAprPct: null, oiToMarketCapPct: null })).toBe(
      level,
    );
  });
});

// Funding of 30% a year either way, or OI of 4% of market cap, raises the level one step.
describe('one-step raise', () => {
  it('uses the documented limits', () => {
    expect(HOT_FUNDING_APR_PCT).toBe(30);
    expect(HEAVY_OI_TO_MARKET_CAP_PCT).toBe(4);
  });

  it.each([
    [30, 'normal'],
    [-30, 'normal'],
    [29.99, 'low'],
    [-29.99, 'low'],
    [120, 'normal'],
  ] as const)('funding APR %d at percentile 10 gives %s', (fundingAprPct, level) => {
    expect(leverageLevel({ oiPercentile: 10, fundingAprPct, oiToMarketCapPct: null })).toBe(level);
  });

  it('OI of exactly 4% of market cap raises, 3.99% does not', () => {
    expect(leverageLevel({ oiPercentile: 50, fundingAprPct: null, oiToMarketCapPct: 4 })).toBe(
      'elevated',
    );
    expect(leverageLevel({ oiPercentile: 50, fundingAprPct: null, oiToMarketCapPct: 3.99 })).toBe(
      'normal',
    );
  });

  it('both reasons together still raise only one step', () => {
    expect(leverageLevel({ oiPercentile: 24.9, fundingAprPct: -45, oiToMarketCapPct: 6 })).toBe(
      'normal',
    );
    expect(leverageLevel({ oiPercentile: 75, fundingAprPct: 30, oiToMarketCapPct: 4 })).toBe(
      'extreme',
    );
  });

  it('is capped at extreme', () => {
    expect(leverageLevel({ oiPercentile: 95, fundingAprPct: 80, oiToMarketCapPct: 10 })).toBe(
      'extreme',
    );
    expect(leverageLevel({ oiPercentile: 99, fundingAprPct: -30, oiToMarketCapPct: null })).toBe(
      'extreme',
    );
  });
});

// No percentile, no level: the other figures alone never make one up.
describe('unknown percentile', () => {
  it.each([
    [null, null],
    [5, 1],
    [50, 8],
    [-300, null],
  ] as const)('is null with funding %s and OI/market cap %s', (fundingAprPct, oiToMarketCapPct) => {
    expect(leverageLevel({ oiPercentile: null, fundingAprPct, oiToMarketCapPct })).toBeNull();
  });
});
