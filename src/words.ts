// Numbers, durations and signals in the browser's language, for every part of the extension that
// speaks to the user: the popup, the hover card, the exchange panel and the notifications.
import browser from 'webextension-polyfill';
import { numberFormats } from './core/locale-format';
import {
  signalName as nameIn,
  type SignalFacts,
  sentenceWords,
  signalSentence,
} from './core/signal-sentence';
import { type MessageKey, t } from './i18n';
import type { LeverageLevel, Signal } from './messages';

export const language = browser.i18n.getUILanguage();

export const fmt = numberFormats(language);

/** The browser's language for pure code that takes one (toolbar title, notifications). */
export const words = sentenceWords(language, t);

/** `5 h`, `5小时`. */
export const duration = words.duration;

/** The sentence that explains a signal, from its inputs (not its English `explanation`). */
export const describeSignal = (signal: SignalFacts) => signalSentence(signal, words);

/** "Long flush", "多头清洗". */
export const signalName = (id: Signal['id']) => nameIn(id, words);

const LEVELS: Record<NonNullable<LeverageLevel>, MessageKey> = {
  low: 'leverageLow',
  normal: 'leverageNormal',
  elevated: 'leverageElevated',
  extreme: 'leverageExtreme',
};

/** "extreme leverage", "杠杆极高"; nothing where no level is known. */
export const levelName = (level: LeverageLevel) => (level ? t(LEVELS[level]) : '');

export { VENUE_NAMES, venueNames } from './core/venue-names';
