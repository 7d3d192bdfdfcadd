// The chart in words: what a screen reader announces and what the card prints under the chart.
// Every figure the chart draws is here, and so is every venue it leaves out, with why. Words and
// numbers are those of the language `words` speaks (the extension's UI language in the browser).
import type { CoinHistory, ExcludedVenue } from '../messages';
import type { MessageKey } from './english';
import { NOT_KNOWN } from './format';
import type { SentenceWords } from './signal-sentence';
import { VENUE_NAMES, venueNames } from './venue-names';

export interface HistorySummary {
  oi: string;
  liquidations: string;
  funding: string;
  /** Venues left out and coverage, one sentence each, by figure. */
  notes: { oi: string[]; liquidations: string[]; funding: string[] };
}

const DAY_MS = 24 * 3_600_000;

function oiSentence({ oi }: CoinHistory, words: SentenceWords): string {
  const first = oi.points[0];
  const last = oi.points.at(-1);
  if (!first || !last || first === last) return words.message('chartOiEmpty');
  const days = Math.max(1, Math.round((last.time - first.time) / DAY_MS));
  const change = first.usd > 0 ? ((last.usd - first.usd) / first.usd) * 100 : null;
  return words.message(
    'chartOiSummary',
    String(days),
    words.usdCompact(first.usd),
    words.usdCompact(last.usd),
    words.percent(change),
    venueNames(oi.venues),
  );
}

function liquidationSentence({ liquidations }: CoinHistory, words: SentenceWords): string {
  const heard = liquidations.bars.filter((bar) => bar.longUsd !== null && bar.shortUsd !== null);
  if (heard.length === 0) return words.message('chartLiquidationEmpty');
  const longUsd = heard.reduce((sum, bar) => sum + (bar.longUsd ?? 0), 0);
  const shortUsd = heard.reduce((sum, bar) => sum + (bar.shortUsd ?? 0), 0);
  const minutes = liquidations.bars.reduce((sum, bar) => sum + bar.coveredMinutes, 0);
  return words.message(
    'chartLiquidationSummary',
    words.usdCompact(longUsd),
    words.usdCompact(shortUsd),
    words.duration(minutes * 60_000),
  );
}

function fundingSentence({ funding }: CoinHistory, words: SentenceWords): string {
  const last = funding.points.at(-1);
  if (!last) return words.message('chartFundingEmpty');
  const mean = funding.points.reduce((sum, p) => sum + p.rate8h, 0) / funding.points.length;
  return words.message(
    'chartFundingSummary',
    words.fundingRate(last.rate8h),
    words.fundingRate(mean),
  );
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
  words: SentenceWords,
): string[] {
  const notes: string[] = [];
  for (const reason of ['not-served', 'no-data'] as const) {
    const venues = excluded.filter((e) => e.reason === reason).map((e) => e.venue);
    if (venues.length > 0) notes.push(words.message(keys[reason], venueNames(venues)));
  }
  for (const { venue, since } of excluded.filter((e) => e.reason === 'too-short')) {
    const start = since === null ? NOT_KNOWN : words.moment(since);
    notes.push(words.message(keys['too-short'], VENUE_NAMES[venue], start));
  }
  return notes;
}

export function summarizeHistory(history: CoinHistory, words: SentenceWords): HistorySummary {
  const since = history.liquidations.listeningSince;
  return {
    oi: oiSentence(history, words),
    liquidations: liquidationSentence(history, words),
    funding: fundingSentence(history, words),
    notes: {
      oi: exclusionNotes(history.oi.excluded, OI_NOTES, words),
      // Within the day the bars span, when listening started says why earlier hours are empty.
      liquidations:
        since !== null && history.asOf - since < DAY_MS
          ? [words.message('chartListeningSince', words.moment(since))]
          : [],
      funding: exclusionNotes(history.funding.excluded, FUNDING_NOTES, words),
    },
  };
}
