// How much leverage sits on a coin, in one word. The 30-day OI percentile sets the base level
// (below 25: low, below 75: normal, below 95: elevated, from 95: extreme); funding of 30% a year
// or more either way, or OI of 4% of market cap or more, raise it one step. No percentile, no level.
import type { LeverageLevel } from '../messages';

export interface LevelInputs {
  oiPercentile: number | null;
  fundingAprPct: number | null;
  oiToMarketCapPct: number | null;
}

const ORDER = ['low', 'normal', 'elevated', 'extreme'] as const;

/** Funding this far from zero (APR, either sign) means someone is paying a lot to stay in. */
export const HOT_FUNDING_APR_PCT = 30;
/** OI above this share of market cap is heavy leverage for any coin. */
export const HEAVY_OI_TO_MARKET_CAP_PCT = 4;

function baseLevel(percentile: number): number {
  if (percentile < 25) return 0;
  if (percentile < 75) return 1;
  if (percentile < 95) return 2;
  return 3;
}

export function leverageLevel({
  oiPercentile,
  fundingAprPct,
  oiToMarketCapPct,
}: LevelInputs): LeverageLevel {
  // The percentile is the measure of how much leverage has piled up; without it there is no level.
  if (oiPercentile === null) return null;
  const hot =
    (fundingAprPct !== null && Math.abs(fundingAprPct) >= HOT_FUNDING_APR_PCT) ||
    (oiToMarketCapPct !== null && oiToMarketCapPct >= HEAVY_OI_TO_MARKET_CAP_PCT);
  return ORDER[Math.min(3, baseLevel(oiPercentile) + (hot ? 1 : 0))] ?? null;
}
