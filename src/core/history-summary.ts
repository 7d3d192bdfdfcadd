// The chart in words: what a screen reader announces and what the card prints under the chart.
// Every figure the chart draws is here, and so is every venue it leaves out, with why.
import type { MessageKey } from '../i18n';
import type { CoinHistory, ExcludedVenue } from '../messages';
import {
  formatAge,
  formatFundingRate,
  formatMoment,
  formatPercent,
  formatUsdCompact,
} from './format';

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export interface HistorySummary {
  oi: string;
  liquidations: string;
  funding: string;
  /** Venues left out and coverage, one sentence each, by figure. */
  notes: { oi: string[]; liquidations: string[]; funding: string[] };
}

const DAY_MS = 24 * 3_600_000;

function oiSentence({ oi }: CoinHistory, t: Translate): string {
  const first = oi.points[0];
  const last = oi.points.at(-1);
  if (!first || !last || first === last) return t('chartOiEmpty');
  const days = Math.max(1, Math.round((last.time - first.time) / DAY_MS));
  const change = first.usd > 0 ? ((last.usd - first.usd) / first.usd) * 100 : null;
  return t(
    'chartOiSummary',
    days,
    formatUsdCompact(first.usd),
    formatUsdCompact(last.usd),
    formatPercent(change),
    oi.venues.join(', '),
  );
}

function liquidationSentence({ liquidations }: CoinHistory, t: Translate): string {
  const heard = liquidations.bars.filter((bar) => bar.longUsd !== null && bar.shortUsd !== null);
  if (heard.length === 0) return t('chartLiquidationEmpty');
  const longUsd = heard.reduce((sum, bar) => sum + (bar.longUsd ?? 0), 0);
  const shortUsd = heard.reduce((sum, bar) => sum + (bar.shortUsd ?? 0), 0);
  const minutes = liquidations.bars.reduce((sum, bar) => sum + bar.coveredMinutes, 0);
  return t(
    'chartLiquidationSummary',
    formatUsdCompact(longUsd),
    formatUsdCompact(shortUsd),
    formatAge(minutes * 60_000),
  );
}

function fundingSentence({ funding }: CoinHistory, t: Translate): string {
  const last = funding.points.at(-1);
  if (!last) return t('chartFundingEmpty');
  const mean = funding.points.reduce((sum, p) => sum + p.rate8h, 0) / funding.points.length;
  return t('chartFundingSummary', formatFundingRate(last.rate8h), formatFundingRate(mean));
}

const OI_NOTES = {
  'not-served': 'chartOiNotServed',
  'too-short': 'chartOiTooShort',
  'no-data': 'chartOiNoData',
} as const satisfies Record<ExcludedVenue['reason'], MessageKey>;

const FUNDING_NOTES = {
  'not-served': 'chartFundingNotServed',
  'too-short': 'chartFundingTooShort',
  'no-data': 'chartFundingNoData',
} as const satisfies Record<ExcludedVenue['reason'], MessageKey>;

/** One sentence per reason: the venues left out for it, and since when where that is known. */
function exclusionNotes(
  excluded: readonly ExcludedVenue[],
  keys: Record<ExcludedVenue['reason'], MessageKey>,
  t: Translate,
): string[] {
  const notes: string[] = [];
  for (const reason of ['not-served', 'no-data'] as const) {
    const venues = excluded.filter((e) => e.reason === reason).map((e) => e.venue);
    if (venues.length > 0) notes.push(t(keys[reason], venues.join(', ')));
  }
  for (const { venue, since } of excluded.filter((e) => e.reason === 'too-short')) {
    notes.push(t(keys['too-short'], venue, since === null ? '—' : formatMoment(since)));
  }
  return notes;
}

export function summarizeHistory(history: CoinHistory, t: Translate): HistorySummary {
  const since = history.liquidations.listeningSince;
  return {
    oi: oiSentence(history, t),
    liquidations: liquidationSentence(history, t),
    funding: fundingSentence(history, t),
    notes: {
      oi: exclusionNotes(history.oi.excluded, OI_NOTES, t),
      // Within the day the bars span, when listening started says why earlier hours are empty.
      liquidations:
        since !== null && history.asOf - since < DAY_MS
          ? [t('chartListeningSince', formatMoment(since))]
          : [],
      funding: exclusionNotes(history.funding.excluded, FUNDING_NOTES, t),
    },
  };
}
