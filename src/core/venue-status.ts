// How one poll's outcome moves a venue's status and when it may be asked again. Pure.
import type { RequestProblem, VenueId, VenueStatus } from '../messages';

export type PollOutcome =
  | { kind: 'ok' }
  | { kind: 'http'; status: number; retryAfterSeconds: number | null }
  | { kind: 'malformed'; detail: string }
  | { kind: 'schema'; detail: string }
  | { kind: 'api-error'; detail: string }
  | { kind: 'network'; detail: string };

export const POLL_INTERVAL_MS = 60_000;
const MINUTE = 60_000;
const MAX_BACKOFF_MS = 30 * MINUTE;
/** A live venue whose last success is older than this many poll intervals is shown as stale. */
const STALE_AFTER_INTERVALS = 3;

// Bans and blocks are not retried soon: hammering them makes a temporary ban permanent.
const LONG_BACKOFF_MS: Readonly<Record<number, number>> = {
  403: 15 * MINUTE, // Bybit: "access too frequent"; its docs say wait at least 10 minutes
  418: 2 * 60 * MINUTE, // Binance: IP banned after repeated 429s
  451: 6 * 60 * MINUTE, // not available from the user's region
};

export function initialStatus(venue: VenueId): VenueStatus {
  return {
    venue,
    state: 'waiting',
    reason: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    consecutiveFailures: 0,
  };
}

/** A user's "Refresh" may ask a healthy venue again sooner than the schedule, but not this soon. */
export const MANUAL_REFRESH_SPACING_MS = 5_000;

/**
 * Whether a venue may be asked now. A manual refresh skips the regular interval of a healthy
 * venue, never the back-off of a failing one.
 */
export function isDue(status: VenueStatus, now: number, manual = false): boolean {
  if (status.nextAttemptAt === null || status.nextAttemptAt <= now) return true;
  const healthy = status.consecutiveFailures === 0;
  const sinceLast =
    status.lastAttemptAt === null ? Number.POSITIVE_INFINITY : now - status.lastAttemptAt;
  return manual && healthy && sinceLast >= MANUAL_REFRESH_SPACING_MS;
}

/** Doubles from one interval up to the cap, counting the failure just recorded. */
function exponentialBackoff(failures: number): number {
  return Math.min(POLL_INTERVAL_MS * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

/** The failure as the status keeps it: a code and its figures, worded by the popup. */
export function problemOf(outcome: Exclude<PollOutcome, { kind: 'ok' }>): RequestProblem {
  if (outcome.kind === 'http') {
    const { status, retryAfterSeconds } = outcome;
    return { code: 'http', status, retryAfterSeconds };
  }
  return { code: outcome.kind, detail: outcome.detail };
}

function waitAfterFailure(outcome: Exclude<PollOutcome, { kind: 'ok' }>, failures: number): number {
  const exponential = exponentialBackoff(failures);
  if (outcome.kind !== 'http') return exponential;
  const asked = (outcome.retryAfterSeconds ?? 0) * 1000;
  return Math.max(asked, LONG_BACKOFF_MS[outcome.status] ?? exponential);
}

export function applyOutcome(status: VenueStatus, outcome: PollOutcome, now: number): VenueStatus {
  if (outcome.kind === 'ok') {
    return {
      ...status,
      state: 'live',
      reason: null,
      lastSuccessAt: now,
      lastAttemptAt: now,
      nextAttemptAt: now + POLL_INTERVAL_MS,
      consecutiveFailures: 0,
    };
  }
  const failures = status.consecutiveFailures + 1;
  const answeredButUnusable =
    outcome.kind !== 'network' && !(outcome.kind === 'http' && outcome.status !== 429);
  return {
    ...status,
    state: answeredButUnusable ? 'degraded' : 'failing',
    reason: problemOf(outcome),
    lastAttemptAt: now,
    nextAttemptAt: now + waitAfterFailure(outcome, failures),
    consecutiveFailures: failures,
  };
}

/** The status as a user should see it now: a live venue that has gone quiet is stale. */
export function presentStatus(status: VenueStatus, now: number): VenueStatus {
  const quietFor = status.lastSuccessAt === null ? 0 : now - status.lastSuccessAt;
  if (status.state === 'live' && quietFor > STALE_AFTER_INTERVALS * POLL_INTERVAL_MS) {
    return {
      ...status,
      state: 'stale',
      reason: { code: 'quiet', minutes: Math.round(quietFor / MINUTE) },
    };
  }
  return status;
}
