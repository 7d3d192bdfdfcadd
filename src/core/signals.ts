// The five reset signals of DESIGN.md as transparent rules: each fires only on figures that
// cover their window, carries the inputs and thresholds it compared, and explains itself in one
// sentence built from the numbers (in English here, for logs and tests; the UI words it in the
// user's language from the same inputs). Where an input is missing no signal fires, and the caller
// learns what was missing.
import type { LiquidationWindow, Signal } from '../messages';
import { english } from './english';
import type { SignalSettings } from './settings';
import { sentenceWords, signalSentence } from './signal-sentence';

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

const ENGLISH = sentenceWords('en-US', english);

/** The signal with its English sentence. */
function explained(signal: Omit<Signal, 'explanation'>): Signal {
  return { ...signal, explanation: signalSentence(signal, ENGLISH) };
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
      signals.push(
        explained({
          id: 'long-flush',
          inputs,
          thresholds: { ...flush },
          coveredMinutes: share.coveredMinutes,
        }),
      );
    }
    const squeeze = settings.shortSqueeze;
    const shortPct = 100 - share.longPct;
    if (
      oi <= squeeze.oiChangePct &&
      shortPct >= squeeze.shortSharePct &&
      price >= squeeze.priceChangePct
    ) {
      signals.push(
        explained({
          id: 'short-squeeze',
          inputs: { ...inputs, shortSharePct: shortPct },
          thresholds: { ...squeeze },
          coveredMinutes: share.coveredMinutes,
        }),
      );
    }
  }
  if (rank !== null && apr !== null) {
    const hot = settings.overheated;
    if (rank >= hot.oiPercentile && apr >= hot.fundingAprPct) {
      signals.push(
        explained({
          id: 'overheated',
          inputs: { oiPercentile30d: rank, fundingAprPct: apr },
          thresholds: { ...hot },
          coveredMinutes: null,
        }),
      );
    }
    const crowded = settings.crowdedShorts;
    if (rank >= crowded.oiPercentile && apr <= crowded.fundingAprPct) {
      signals.push(
        explained({
          id: 'crowded-shorts',
          inputs: { oiPercentile30d: rank, fundingAprPct: apr },
          thresholds: { ...crowded },
          coveredMinutes: null,
        }),
      );
    }
  }
  if (oi !== null && price !== null) {
    const spot = settings.spotLed;
    if (Math.abs(price) >= spot.priceChangePct && Math.abs(oi) <= spot.oiChangePct) {
      signals.push(
        explained({
          id: 'spot-led',
          inputs: { priceChange24hPct: price, oiChange24hPct: oi },
          thresholds: { ...spot },
          coveredMinutes: null,
        }),
      );
    }
  }
  return { signals, missing: [...missing] };
}
