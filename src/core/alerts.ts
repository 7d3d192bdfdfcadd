// When a signal starts for a pinned coin, the user hears about it once: one notification per
// episode (a signal that stays active is not news), and never a flood, in the user's language.
// Pure.
import { z } from 'zod';
import { SIGNAL_IDS, type Signal } from '../messages';
import { type SentenceWords, signalName, signalSentence } from './signal-sentence';

/** Active signal ids per coin, as last seen. */
export type ActiveSignals = Record<string, Signal['id'][]>;

export interface AlertState {
  active: ActiveSignals;
  /** When each signal was last seen ending, ms, per coin: a quick return is the same episode. */
  endedAt: Record<string, Partial<Record<Signal['id'], number>>>;
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

/**
 * A signal that ends and starts again within this time is one episode: inputs hovering at a
 * threshold, or one venue's poll landing before another's, must not notify twice.
 */
export const EPISODE_GAP_MS = 30 * 60_000;

export const EMPTY_ALERT_STATE: AlertState = { active: {}, endedAt: {}, sentAt: [] };

const SignalId = z.enum(SIGNAL_IDS);
const StoredAlertState = z.object({
  active: z.record(z.string(), z.array(SignalId)),
  // Absent in what an earlier version stored: no endings known yet.
  endedAt: z
    .optional(z.record(z.string(), z.partialRecord(SignalId, z.number())))
    .transform((endedAt) => endedAt ?? {}),
  sentAt: z.array(z.number()),
});

/** The stored state, or a fresh one when it is missing or damaged (at worst one repeat notice). */
export function readAlertState(stored: unknown): AlertState {
  const parsed = StoredAlertState.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY_ALERT_STATE;
}

/**
 * The signals that started since the last look (active now, not active before, and not ended
 * within the episode gap), within the hourly limit, and the state to keep for the next look.
 */
export function startedSignals(
  state: AlertState,
  now: Record<string, readonly Signal[]>,
  at: number,
): { alerts: Alert[]; next: AlertState } {
  const sentAt = state.sentAt.filter((time) => time > at - HOUR_MS);
  const alerts: Alert[] = [];
  const active: ActiveSignals = {};
  const endedAt: AlertState['endedAt'] = {};
  for (const [coin, signals] of Object.entries(now)) {
    const ids = signals.map((signal) => signal.id);
    active[coin] = ids;
    const ended = recentEndings(state, coin, ids, at);
    if (Object.keys(ended).length > 0) endedAt[coin] = ended;
    for (const signal of signals) {
      if (state.active[coin]?.includes(signal.id)) continue;
      if ((state.endedAt[coin]?.[signal.id] ?? Number.NEGATIVE_INFINITY) > at - EPISODE_GAP_MS) {
        continue;
      }
      if (sentAt.length >= MAX_ALERTS_PER_HOUR) continue;
      alerts.push({ coin, signal });
      sentAt.push(at);
    }
  }
  return { alerts, next: { active, endedAt, sentAt } };
}

/** A coin's signals that ended within the episode gap and are not active again: just ended ones now. */
function recentEndings(
  state: AlertState,
  coin: string,
  activeIds: readonly Signal['id'][],
  at: number,
) {
  const ended: Partial<Record<Signal['id'], number>> = {};
  for (const [id, time] of Object.entries(state.endedAt[coin] ?? {}) as [Signal['id'], number][]) {
    if (!activeIds.includes(id) && time > at - EPISODE_GAP_MS) ended[id] = time;
  }
  for (const id of state.active[coin] ?? []) {
    if (!activeIds.includes(id)) ended[id] = at;
  }
  return ended;
}

/** What the notification of an alert says: "BTC: Long flush" and the signal's sentence. */
export function alertNotice({ coin, signal }: Alert, words: SentenceWords) {
  return {
    title: words.message('notificationTitle', coin, signalName(signal.id, words)),
    message: signalSentence(signal, words),
  };
}
