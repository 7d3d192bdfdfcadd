// A venue's or a stream's problem in the user's language: the background keeps codes and figures
// (src/messages.ts), the sentence is built here from the locale's messages. The technical detail
// (a JSON parser's message, a zod path) is the venue's own text and stays as it is.
import type { HistoryTrouble, RequestProblem, StreamReason, VenueReason } from '../messages';
import type { MessageKey } from './english';

/** A locale's `t()`: a message by key, with its substitutions. */
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

function httpProblem(status: number, retryAfterSeconds: number | null, t: Translate): string {
  const retry = retryAfterSeconds;
  if (status === 429)
    return retry === null ? t('reasonRateLimited') : t('reasonRateLimitedRetry', retry);
  if (status === 418) return t('reasonBanned');
  if (status === 451) return t('reasonRegion');
  if (status === 403) return retry === null ? t('reasonRefused') : t('reasonRefusedRetry', retry);
  return retry === null
    ? t('reasonServerError', status)
    : t('reasonServerErrorRetry', status, retry);
}

const DETAIL_KEYS = {
  malformed: 'reasonMalformed',
  schema: 'reasonSchema',
  'api-error': 'reasonApiError',
  network: 'reasonNetwork',
} as const;

/** "rate limited (HTTP 429, asked to retry after 30 s)", "unreadable answer: …". */
export function describeProblem(problem: RequestProblem, t: Translate): string {
  if (problem.code === 'http') return httpProblem(problem.status, problem.retryAfterSeconds, t);
  return t(DETAIL_KEYS[problem.code], problem.detail);
}

/** Why the venue is not live: a failed poll, or "no new data for 4 min". */
export function describeVenueReason(reason: VenueReason, t: Translate): string {
  return reason.code === 'quiet' ? t('reasonQuiet', reason.minutes) : describeProblem(reason, t);
}

const FRAME_KEYS = {
  malformed: 'streamMalformed',
  schema: 'streamSchema',
  'api-error': 'streamApiError',
  network: 'streamNetwork',
} as const;

/** "stream: connection dropped, reconnecting", "stream: malformed: …". */
export function describeStreamReason(reason: StreamReason, t: Translate): string {
  if (reason.code !== 'frame')
    return t(reason.code === 'connection-dropped' ? 'streamDropped' : 'streamRefused');
  const { problem } = reason;
  if (problem.code === 'http') return t('streamHttp', problem.status);
  return t(FRAME_KEYS[problem.code], problem.detail);
}

/** "History: rate limited (HTTP 429) · last good 5 min ago"; `age` words a duration. */
export function describeHistoryTrouble(
  trouble: HistoryTrouble,
  now: number,
  t: Translate,
  age: (ms: number) => string,
): string {
  const problem = t('venueHistoryTrouble', describeProblem(trouble.reason, t));
  if (trouble.lastSuccessAt === null) return problem;
  return `${problem} · ${t('venueHistoryLastGood', age(now - trouble.lastSuccessAt))}`;
}
