// The one sentence that explains a signal, built from its id and the inputs that made it fire,
// in any language: the wording is the locale's messages (public/_locales/*/messages.json), the
// numbers are the locale's. Pure: the caller passes the language's message lookup.
import type { Signal } from '../messages';
import type { MessageKey } from './english';
import { ageParts, NOT_KNOWN } from './format';
import { numberFormats } from './locale-format';

/** What a sentence is built from: the rule, the inputs it read, the liquidations' coverage. */
export type SignalFacts = Pick<Signal, 'id' | 'inputs' | 'coveredMinutes'>;

/** Looks up a message and fills its `$1`… (t() in the browser, english() elsewhere). */
export type Messages = (key: MessageKey, ...substitutions: string[]) => string;

/** Coverage within the last hour of a day reads as the whole day (the current minute never is). */
const NEARLY_A_DAY = 24 * 60 - 60;

const DURATION_KEYS = {
  second: 'durationSeconds',
  minute: 'durationMinutes',
  hour: 'durationHours',
  day: 'durationDays',
} as const satisfies Record<string, MessageKey>;

const ORDINAL_KEYS: Partial<Record<Intl.LDMLPluralRule, MessageKey>> = {
  one: 'ordinalOne',
  two: 'ordinalTwo',
  few: 'ordinalFew',
};

export interface SentenceWords {
  message: Messages;
  /** A number with exactly this many decimals, no grouping: `10.4` (`10,4` in German). */
  fixed: (value: number, decimals: 0 | 1) => string;
  usdCompact: (value: number | null) => string;
  /** A signed percent: `+25.0%`. */
  percent: (value: number | null) => string;
  /** An 8-hour funding rate (a fraction) as a signed percent: `+0.0100%`. */
  fundingRate: (rate: number | null) => string;
  /** A moment in UTC: `Nov 25, 10:58 UTC`, `11月25日 10:58 UTC`. */
  moment: (ms: number) => string;
  /** `91st` in English, `91` where the language puts the ordinal in the sentence itself. */
  ordinal: (value: number) => string;
  /** `5 h`, `5小时`. */
  duration: (ms: number) => string;
}

/** The words and number formats of one locale (`en-US`, `zh-CN`) around its message lookup. */
export function sentenceWords(locale: string, message: Messages): SentenceWords {
  const formats = numberFormats(locale);
  // toFixed rounds the binary value (6.35 is 6.3499…, so 6.3) as the English sentences always
  // have, where Intl would round the shortest decimal (6.4); only the decimal mark is the locale's.
  const decimalMark =
    new Intl.NumberFormat(locale).formatToParts(0.5).find((part) => part.type === 'decimal')
      ?.value ?? '.';
  const ordinals = new Intl.PluralRules(locale, { type: 'ordinal' });
  return {
    message,
    fixed: (value, digits) => value.toFixed(digits).replace('.', decimalMark),
    usdCompact: formats.usdCompact,
    percent: formats.percent,
    fundingRate: formats.fundingRate,
    moment: formats.moment,
    ordinal(value) {
      const n = Math.round(value);
      return message(ORDINAL_KEYS[ordinals.select(n)] ?? 'ordinalOther', String(n));
    },
    duration(ms) {
      const { unit, amount } = ageParts(ms);
      return message(DURATION_KEYS[unit], String(amount));
    },
  };
}

/** "fell 10.4%" / "rose 10.4%" (the sign is in the word). */
function move(
  words: SentenceWords,
  value: number | null | undefined,
  fell: MessageKey,
  rose: MessageKey,
) {
  if (value === null || value === undefined) return NOT_KNOWN;
  return words.message(value < 0 ? fell : rose, words.fixed(Math.abs(value), 1));
}

const wholeNumber = (words: SentenceWords, value: number | null | undefined) =>
  value === null || value === undefined ? NOT_KNOWN : words.fixed(value, 0);

/** The flush and the squeeze: which side was liquidated, over the whole day or the part covered. */
function liquidationSentence(
  signal: SignalFacts,
  words: SentenceWords,
  [fullDay, partOfDay]: [MessageKey, MessageKey],
  sharePct: number | null | undefined,
): string {
  const { inputs } = signal;
  const covered = signal.coveredMinutes;
  const parts = [
    move(words, inputs.oiChange24hPct, 'signalOiFell', 'signalOiRose'),
    wholeNumber(words, sharePct),
    words.usdCompact(inputs.liquidatedUsd ?? null),
    move(words, inputs.priceChange24hPct, 'signalPriceFell', 'signalPriceRose'),
  ];
  if (covered === null || covered >= NEARLY_A_DAY) return words.message(fullDay, ...parts);
  return words.message(partOfDay, ...parts, words.duration(covered * 60_000));
}

const NAME_KEYS: Record<Signal['id'], MessageKey> = {
  'long-flush': 'signalLongFlush',
  'short-squeeze': 'signalShortSqueeze',
  overheated: 'signalOverheated',
  'crowded-shorts': 'signalCrowdedShorts',
  'spot-led': 'signalSpotLed',
};

/** "Long flush", "多头清洗". */
export const signalName = (id: Signal['id'], words: SentenceWords) => words.message(NAME_KEYS[id]);

/** The sentence that explains `signal`, in the language of `words`. */
export function signalSentence(signal: SignalFacts, words: SentenceWords): string {
  const { inputs } = signal;
  switch (signal.id) {
    case 'long-flush':
      return liquidationSentence(
        signal,
        words,
        ['signalSentenceLongFlush', 'signalSentenceLongFlushPartial'],
        inputs.longSharePct,
      );
    case 'short-squeeze':
      return liquidationSentence(
        signal,
        words,
        ['signalSentenceShortSqueeze', 'signalSentenceShortSqueezePartial'],
        inputs.shortSharePct,
      );
    case 'overheated':
    case 'crowded-shorts': {
      const rank = inputs.oiPercentile30d;
      return words.message(
        signal.id === 'overheated' ? 'signalSentenceOverheated' : 'signalSentenceCrowdedShorts',
        rank === null || rank === undefined ? NOT_KNOWN : words.ordinal(rank),
        words.percent(inputs.fundingAprPct ?? null),
      );
    }
    case 'spot-led':
      return words.message(
        'signalSentenceSpotLed',
        move(words, inputs.priceChange24hPct, 'signalPriceFell', 'signalPriceRose'),
        words.percent(inputs.oiChange24hPct ?? null),
      );
  }
}
