import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  initialStatus,
  isDue,
  POLL_INTERVAL_MS,
  type PollOutcome,
  presentStatus,
} from '../../../src/core/venue-status';

const T0 = 1_786_000_000_000;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const network: PollOutcome = { kind: 'network', detail: 'fetch failed' };
const http = (status: number, retryAfterSeconds: number | null = null): PollOutcome => ({
  kind: 'http',
  status,
  retryAfterSeconds,
});

/** Applies outcomes one poll after another, each at the time the previous one allowed. */
function run(outcomes: PollOutcome[], start = T0) {
  let status = initialStatus('binance');
  let now = start;
  const waits: number[] = [];
  for (const outcome of outcomes) {
    status = applyOutcome(status, outcome, now);
    const next = status.nextAttemptAt as number;
    waits.push(next - now);
    now = next;
  }
  return { status, waits, now };
}

// The poller asks isDue before every request; a new venue is due at once.
describe('initialStatus and isDue', () => {
  it('starts waiting, with nothing known, and due now', () => {
    const status = initialStatus('bybit');
    expect(status).toEqual({
      venue: 'bybit',
      state: 'waiting',
      reason: null,
      lastSuccessAt: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      consecutiveFailures: 0,
    });
    expect(isDue(status, T0)).toBe(true);
  });

  it('is due exactly at nextAttemptAt, not a millisecond before', () => {
    const status = applyOutcome(initialStatus('bybit'), { kind: 'ok' }, T0);
    expect(isDue(status, T0 + POLL_INTERVAL_MS - 1)).toBe(false);
    expect(isDue(status, T0 + POLL_INTERVAL_MS)).toBe(true);
  });
});

// Success is the normal rhythm: one poll per interval, and it clears every trace of failure.
describe('a successful poll', () => {
  it('is live, polled again one interval later', () => {
    const status = applyOutcome(initialStatus('okx'), { kind: 'ok' }, T0);
    expect(status).toMatchObject({
      state: 'live',
      reason: null,
      lastSuccessAt: T0,
      lastAttemptAt: T0,
      nextAttemptAt: T0 + POLL_INTERVAL_MS,
      consecutiveFailures: 0,
    });
  });

  it('after failures resets the count and the back-off', () => {
    const { status, now } = run([network, network, network]);
    expect(status.consecutiveFailures).toBe(3);
    const recovered = applyOutcome(status, { kind: 'ok' }, now);
    expect(recovered.consecutiveFailures).toBe(0);
    expect(recovered.reason).toBeNull();
    expect(recovered.nextAttemptAt).toBe(now + POLL_INTERVAL_MS);
    // the next failure starts the doubling again from one interval
    const again = applyOutcome(recovered, network, now + POLL_INTERVAL_MS);
    expect((again.nextAttemptAt as number) - (now + POLL_INTERVAL_MS)).toBe(POLL_INTERVAL_MS);
  });
});

// The user's own IP pays for our requests: honour what the venue asks, and never hammer.
describe('rate limits and bans', () => {
  it('429 with Retry-After 120 waits at least 120 s and says why', () => {
    const status = applyOutcome(initialStatus('binance'), http(429, 120), T0);
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 120 * SECOND);
    expect(isDue(status, T0 + 119 * SECOND)).toBe(false);
    expect(status.state).toBe('degraded');
    expect(status.reason).toEqual({ code: 'http', status: 429, retryAfterSeconds: 120 });
  });

  it('a Retry-After longer than the back-off wins over it', () => {
    const status = applyOutcome(initialStatus('binance'), http(503, 900), T0);
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 900 * SECOND);
  });

  it('418 (Binance IP ban) waits at least 2 hours', () => {
    const status = applyOutcome(initialStatus('binance'), http(418), T0);
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 2 * HOUR);
    expect(status.reason).toEqual({ code: 'http', status: 418, retryAfterSeconds: null });
  });

  it('451 keeps its status code (the popup words it: not available from the region)', () => {
    const status = applyOutcome(initialStatus('binance'), http(451), T0);
    expect(status.reason).toEqual({ code: 'http', status: 451, retryAfterSeconds: null });
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 2 * HOUR);
  });

  it('403 (Bybit "access too frequent") waits at least 10 minutes', () => {
    const status = applyOutcome(initialStatus('bybit'), http(403), T0);
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 10 * MINUTE);
    expect(status.reason).toEqual({ code: 'http', status: 403, retryAfterSeconds: null });
  });
});

describe('network failures back off exponentially', () => {
  it('doubles from one interval and stops at 30 minutes', () => {
    const { waits, status } = run(Array.from({ length: 9 }, () => network));
    expect(waits).toEqual([
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      16 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
    ]);
    expect(status.state).toBe('failing');
    expect(status.consecutiveFailures).toBe(9);
    expect(status.reason).toEqual({ code: 'network', detail: 'fetch failed' });
  });
});

// An answer we cannot use is "degraded" (the venue is up, its payload is not), with the
// detail a developer needs to fix the parser.
describe('unusable answers', () => {
  it('a schema failure is degraded with the detail in the reason', () => {
    const detail = 'result.list.1.singleOpenInterestValue: expected string (ETHUSDT)';
    const status = applyOutcome(initialStatus('bybit'), { kind: 'schema', detail }, T0);
    expect(status.state).toBe('degraded');
    expect(status.reason).toEqual({ code: 'schema', detail });
  });

  it('an api error and malformed JSON are degraded too', () => {
    for (const outcome of [
      { kind: 'api-error', detail: '10001 params error' },
      { kind: 'malformed', detail: 'Unexpected end of JSON input' },
    ] as const) {
      const status = applyOutcome(initialStatus('bybit'), outcome, T0);
      expect(status.state).toBe('degraded');
      expect(status.reason).toEqual({ code: outcome.kind, detail: outcome.detail });
    }
  });

  it('keeps lastSuccessAt, the time of the last good data, across failures', () => {
    let status = applyOutcome(initialStatus('gate'), { kind: 'ok' }, T0);
    status = applyOutcome(status, network, T0 + MINUTE);
    status = applyOutcome(status, { kind: 'schema', detail: 'x' }, T0 + 3 * MINUTE);
    expect(status.lastSuccessAt).toBe(T0);
    expect(status.lastAttemptAt).toBe(T0 + 3 * MINUTE);
  });
});

// What the popup shows: a venue that says "live" but has not delivered for a while is stale.
describe('presentStatus', () => {
  const live = applyOutcome(initialStatus('hyperliquid'), { kind: 'ok' }, T0);

  it('leaves a recent live venue alone', () => {
    expect(presentStatus(live, T0 + 3 * POLL_INTERVAL_MS)).toEqual(live);
  });

  it('shows a live venue quiet for more than 3 intervals as stale, with a reason', () => {
    const shown = presentStatus(live, T0 + 10 * MINUTE);
    expect(shown.state).toBe('stale');
    expect(shown.reason).toEqual({ code: 'quiet', minutes: 10 });
    expect(shown.lastSuccessAt).toBe(T0);
  });

  it('does not hide a failure behind "stale"', () => {
    const failing = applyOutcome(live, network, T0 + MINUTE);
    expect(presentStatus(failing, T0 + HOUR).state).toBe('failing');
  });
});
