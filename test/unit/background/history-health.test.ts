// History requests that fail must reach data health, and leave it once a later one succeeds; a
// venue switched off is nobody's failure.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/background/database';
import { createHistory } from '../../../src/background/history';
import { createHistoryHealth } from '../../../src/background/history-health';
import type { Instrument } from '../../../src/core/market';
import type { VenueId } from '../../../src/messages';
import { type VenueClient, VenueError } from '../../../src/venues/client';
import { gate } from '../../../src/venues/gate';
import type { Venue } from '../../../src/venues/venue';

const NOW = Date.UTC(2026, 10, 25, 12);
const MINUTE = 60_000;
const rateLimited = new VenueError({ kind: 'http', status: 429, retryAfterSeconds: null });

describe('createHistoryHealth', () => {
  it('says nothing while history succeeds', () => {
    const health = createHistoryHealth(() => NOW);
    health.succeeded('gate', NOW);
    expect(health.of('gate')).toBeNull();
  });

  it('keeps the failure with the time of the last success before it', () => {
    let at = NOW;
    const health = createHistoryHealth(() => at);
    health.succeeded('gate', at);
    at += 5 * MINUTE;
    health.failed('gate', rateLimited);
    expect(health.of('gate')).toEqual({
      reason: { code: 'http', status: 429, retryAfterSeconds: null },
      failedAt: NOW + 5 * MINUTE,
      lastSuccessAt: NOW,
    });
    expect(health.of('binance')).toBeNull();
  });

  it('is cleared by a request started after the failure, not by one already under way', () => {
    let at = NOW;
    const health = createHistoryHealth(() => at);
    const startedBefore = at;
    at += MINUTE;
    health.failed('gate', rateLimited);
    at += MINUTE;
    health.succeeded('gate', startedBefore);
    expect(health.of('gate')?.reason).toEqual({
      code: 'http',
      status: 429,
      retryAfterSeconds: null,
    });
    health.succeeded('gate', at);
    expect(health.of('gate')).toBeNull();
  });

  it('forgets a venue switched off', () => {
    const health = createHistoryHealth(() => NOW);
    health.failed('gate', rateLimited);
    health.forget('gate');
    expect(health.of('gate')).toBeNull();
  });
});

const BTC: Instrument = {
  venue: 'gate',
  symbol: 'BTC_USDT',
  coin: 'BTC',
  lotSize: 0.0001,
  fundingIntervalHours: 8,
};

describe('createHistory reports its requests', () => {
  function historyFailing(enabled: () => boolean, beforeAnswer = async () => {}) {
    let failing = true;
    const events: Array<[string, VenueId, unknown]> = [];
    let at = NOW;
    const venue: Venue = {
      ...gate,
      fetchLiquidationHistory: async () => {
        await beforeAnswer();
        if (failing) throw rateLimited;
        return [];
      },
    };
    const history = createHistory({
      // The liquidation path keeps its cache in memory and never opens the database.
      db: {} as Database,
      venues: [venue],
      clientFor: () => ({}) as VenueClient,
      instrumentsOf: async () => [BTC],
      isEnabled: enabled,
      now: () => at,
      onError: (id, error) => events.push(['error', id, error.outcome]),
      onSuccess: (id, startedAt) => events.push(['success', id, startedAt]),
    });
    return {
      history,
      events,
      recover: () => {
        failing = false;
      },
      advance: (ms: number) => {
        at += ms;
      },
    };
  }

  it('a failed request, then one that succeeds after the retry pause', async () => {
    const { history, events, recover, advance } = historyFailing(() => true);
    expect(await history.liquidationHistory('BTC').refreshed).toBe(false);
    expect(events).toEqual([
      ['error', 'gate', { kind: 'http', status: 429, retryAfterSeconds: null }],
    ]);
    recover();
    advance(5 * MINUTE);
    expect(await history.liquidationHistory('BTC').refreshed).toBe(true);
    expect(events[1]).toEqual(['success', 'gate', NOW + 5 * MINUTE]);
  });

  it('a request failing because its venue was switched off meanwhile is not reported', async () => {
    let enabled = true;
    let asked = 0;
    const { history, events } = historyFailing(
      () => enabled,
      async () => {
        asked += 1;
        // The user switches the venue off while its request is on the way (and it is aborted).
        if (asked === 1) enabled = false;
      },
    );
    expect(await history.liquidationHistory('BTC').refreshed).toBe(false);
    expect(events).toEqual([]);
    // Nor is it held against the venue once it is back on: asked again at once.
    enabled = true;
    await history.liquidationHistory('BTC').refreshed;
    expect(asked).toBe(2);
  });
});
