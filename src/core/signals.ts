// The five reset signals of DESIGN.md as transparent rules: each fires only on figures that
// cover their window, carries the inputs and thresholds it compared, and explains itself in one
// sentence built from the numbers. Where an input is missing no signal fires, and the caller
// learns what was missing.
import type { LiquidationWindow, Signal } from '../messages';
import { formatAge, formatPercent, formatUsdCompact } from './format';
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
const fell = (value: number) => (value < 0 ? `fell ${one(value)}%` : `rose ${one(value)}%`);
const DAY_MINUTES = 24 * 60;

/** 91st, 92nd, 93rd, 94th; 11th–13th. */
function ordinal(value: number): string {
  const n = Math.round(value);
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Coverage within the last hour of a full day reads as a full day (the current minute never is). */
const NEARLY_A_DAY = DAY_MINUTES - 60;

/** " (over the 5 h covered)" when the liquidation share rests on part of the day only. */
function coverageNote(minutes: number): string {
  return minutes >= NEARLY_A_DAY ? '' : ` (over the ${formatAge(minutes * 60_000)} covered)`;
}

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
  const liquidations = figures.liquidations24h;
  const covered =
    liquidations.longUsd !== null && liquidations.coveredMinutes >= settings.minCoveredMinutes;
  // A covered day with nothing liquidated is an answer (no flush), not missing coverage.
  if (!covered) missing.add('liquidation-coverage');

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
        explanation: `Open interest ${fell(oi)} in 24h while ${share.longPct.toFixed(0)}% of ${formatUsdCompact(share.totalUsd)} liquidated were longs${coverageNote(share.coveredMinutes)} and price ${fell(price)}: leveraged longs were flushed.`,
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
        explanation: `Open interest ${fell(oi)} in 24h while ${shortPct.toFixed(0)}% of ${formatUsdCompact(share.totalUsd)} liquidated were shorts${coverageNote(share.coveredMinutes)} and price ${fell(price)}: leveraged shorts were squeezed out.`,
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
        explanation: `Open interest is at its ${ordinal(rank)} 30-day percentile with funding at ${formatPercent(apr)} a year: longs are crowded and a reset is a risk.`,
        inputs: { oiPercentile30d: rank, fundingAprPct: apr },
        thresholds: { ...hot },
        coveredMinutes: null,
      });
    }
    const crowded = settings.crowdedShorts;
    if (rank >= crowded.oiPercentile && apr <= crowded.fundingAprPct) {
      signals.push({
        id: 'crowded-shorts',
        explanation: `Open interest is at its ${ordinal(rank)} 30-day percentile with funding at ${formatPercent(apr)} a year: shorts are crowded and a squeeze is a risk.`,
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
        explanation: `Price ${fell(price)} in 24h while open interest moved only ${formatPercent(oi)}: the move is not leverage-driven.`,
        inputs: { priceChange24hPct: price, oiChange24hPct: oi },
        thresholds: { ...spot },
        coveredMinutes: null,
      });
    }
  }
  return { signals, missing: [...missing] };
}
