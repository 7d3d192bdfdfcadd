// The five reset signals of DESIGN.md as transparent rules: each fires only on figures that
// cover their window, carries the inputs and thresholds it compared, and explains itself in one
// sentence built from the numbers. Where an input is missing no signal fires, and the caller
// learns what was missing.
import type { LiquidationWindow, Signal } from '../messages';
import { formatUsdCompact } from './format';
import type { SignalSettings } from './settings';

export interface SignalFigures {
  oiUsd: number | null;
  oiChange24hPct: number | null;
  oiPercentile30d: number | null;
  fundingAprPct: number | null;
  priceChange24hPct: number | null;
  liquidations24h: LiquidationWindow;
}

export interface SignalResult {
  signals: Signal[];
  /** Names of the inputs some rule needed and did not have. */
  missing: string[];
}

const one = (value: number) => Math.abs(value).toFixed(1);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${one(value)}%`;
const fell = (value: number) => (value < 0 ? `fell ${one(value)}%` : `rose ${one(value)}%`);

interface Share {
  longPct: number;
  totalUsd: number;
  coveredMinutes: number;
}

/** The long share of liquidations over the covered part of the window, if enough is covered. */
function liquidationShare(window: LiquidationWindow, minCovered: number): Share | null {
  if (window.longUsd === null || window.shortUsd === null) return null;
  const totalUsd = window.longUsd + window.shortUsd;
  if (window.coveredMinutes < minCovered || totalUsd <= 0) return null;
  return {
    longPct: (window.longUsd / totalUsd) * 100,
    totalUsd,
    coveredMinutes: window.coveredMinutes,
  };
}

export function evaluateSignals(
  figures: SignalFigures,
  settings: SignalSettings,
  { applyOiFloor }: { applyOiFloor: boolean },
): SignalResult {
  const missing = new Set<string>();
  const signals: Signal[] = [];
  if (applyOiFloor && (figures.oiUsd === null || figures.oiUsd < settings.minOiUsd)) {
    return { signals, missing: ['signal-oi-floor'] };
  }
  const {
    oiChange24hPct: oi,
    priceChange24hPct: price,
    oiPercentile30d: rank,
    fundingAprPct: apr,
  } = figures;
  const share = liquidationShare(figures.liquidations24h, settings.minCoveredMinutes);
  if (oi === null) missing.add('oi-change-24h');
  if (price === null) missing.add('price-change-24h');
  if (rank === null) missing.add('oi-percentile');
  if (apr === null) missing.add('funding');
  if (!share) missing.add('liquidation-coverage');

  if (oi !== null && price !== null && share) {
    const inputs = {
      oiChange24hPct: oi,
      longSharePct: share.longPct,
      priceChange24hPct: price,
      liquidatedUsd: share.totalUsd,
    };
    const flush = settings.longFlush;
    if (
      oi <= flush.oiChangePct &&
      share.longPct >= flush.longSharePct &&
      price <= flush.priceChangePct
    ) {
      signals.push({
        id: 'long-flush',
        explanation: `Open interest ${fell(oi)} in 24h while ${share.longPct.toFixed(0)}% of ${formatUsdCompact(share.totalUsd)} liquidated were longs and price ${fell(price)}: leveraged longs were flushed.`,
        inputs,
        thresholds: { ...flush },
        coveredMinutes: share.coveredMinutes,
      });
    }
    const squeeze = settings.shortSqueeze;
    const shortPct = 100 - share.longPct;
    if (
      oi <= squeeze.oiChangePct &&
      shortPct >= squeeze.shortSharePct &&
      price >= squeeze.priceChangePct
    ) {
      signals.push({
        id: 'short-squeeze',
        explanation: `Open interest ${fell(oi)} in 24h while ${shortPct.toFixed(0)}% of ${formatUsdCompact(share.totalUsd)} liquidated were shorts and price ${fell(price)}: leveraged shorts were squeezed out.`,
        inputs: { ...inputs, shortSharePct: shortPct },
        thresholds: { ...squeeze },
        coveredMinutes: share.coveredMinutes,
      });
    }
  }
  if (rank !== null && apr !== null) {
    const hot = settings.overheated;
    if (rank >= hot.oiPercentile && apr >= hot.fundingAprPct) {
      signals.push({
        id: 'overheated',
        explanation: `Open interest is at its ${rank.toFixed(0)}th 30-day percentile with funding at ${signed(apr)} a year: longs are crowded and a reset is a risk.`,
        inputs: { oiPercentile30d: rank, fundingAprPct: apr },
        thresholds: { ...hot },
        coveredMinutes: null,
      });
    }
    const crowded = settings.crowdedShorts;
    if (rank >= crowded.oiPercentile && apr <= crowded.fundingAprPct) {
      signals.push({
        id: 'crowded-shorts',
        explanation: `Open interest is at its ${rank.toFixed(0)}th 30-day percentile with funding at ${signed(apr)} a year: shorts are crowded and a squeeze is a risk.`,
        inputs: { oiPercentile30d: rank, fundingAprPct: apr },
        thresholds: { ...crowded },
        coveredMinutes: null,
      });
    }
  }
  if (oi !== null && price !== null) {
    const spot = settings.spotLed;
    if (Math.abs(price) >= spot.priceChangePct && Math.abs(oi) <= spot.oiChangePct) {
      signals.push({
        id: 'spot-led',
        explanation: `Price ${fell(price)} in 24h while open interest moved only ${signed(oi)}: the move is not leverage-driven.`,
        inputs: { priceChange24hPct: price, oiChange24hPct: oi },
        thresholds: { ...spot },
        coveredMinutes: null,
      });
    }
  }
  return { signals, missing: [...missing] };
}
