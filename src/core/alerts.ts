// When a signal starts for a pinned coin, the user hears about it once: one notification per
// episode (a signal that stays active is not news), and never a flood, in the user's language.
// Pure.
import type { Signal } from '../messages';
import { type SentenceWords, signalName, signalSentence } from './signal-sentence';

/** Active signal ids per coin, as last seen. */
export type ActiveSignals = Record<string, Signal['id'][]>;

export interface AlertState {
  active: ActiveSignals;
  /** When each alert went out, ms, newest last; trimmed to the last hour. */
  sentAt: number[];
}

export interface Alert {
  coin: string;
  signal: Signal;
}

/** At most this many notifications in any hour, whatever happens in the market. */
export const MAX_ALERTS_PER_HOUR = 4;
const HOUR_MS = 3_600_000;

export const EMPTY_ALERT_STATE: AlertState = { active: {}, sentAt: [] };

/**
 * The signals that started since the last look (active now, not active before), within the
 * hourly limit, and the state to keep for the next look. A signal that ends and starts again is a
 * new episode.
 */
export function startedSignals(
  state: AlertState,
  now: Record<string, readonly Signal[]>,
  at: number,
): { alerts: Alert[]; next: AlertState } {
  const sentAt = state.sentAt.filter((time) => time > at - HOUR_MS);
  const alerts: Alert[] = [];
  const active: ActiveSignals = {};
  for (const [coin, signals] of Object.entries(now)) {
    active[coin] = signals.map((signal) => signal.id);
    for (const signal of signals) {
      if (state.active[coin]?.includes(signal.id)) continue;
      if (sentAt.length >= MAX_ALERTS_PER_HOUR) continue;
      alerts.push({ coin, signal });
      sentAt.push(at);
    }
  }
  return { alerts, next: { active, sentAt } };
}

/** What the notification of an alert says: "BTC: Long flush" and the signal's sentence. */
export function alertNotice({ coin, signal }: Alert, words: SentenceWords) {
  return {
    title: words.message('notificationTitle', coin, signalName(signal.id, words)),
    message: signalSentence(signal, words),
  };
}
