// A venue's failing history endpoints reach the popup's data health (getStatus), over the replay
// server, without touching the live poll's state; a later success clears them; and the history
// requests of a venue the user switches off stop at once.
import { describe, expect, it } from 'vitest';
import { english } from '../../src/core/english';
import { describeHistoryTrouble } from '../../src/core/venue-reason';
import type { CoinHistoryAnswer, StatusAnswer, VenueHealth } from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

const replay = useReplayServer('oi-history');
/** A failed history request is not repeated sooner (src/background/history.ts). */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

async function bybitService() {
  /** Paths of the requests sent, as they leave (the replay server logs them once answered). */
  const sent: string[] = [];
  const test = await createTestService({
    origin: replay().origin,
    venues: [bybit],
    start: Date.now(),
    fetch: (url, init) => {
      sent.push(new URL(url).pathname);
      return fetch(url, init);
    },
  });
  await test.service.pollDue();
  const health = async (): Promise<VenueHealth | undefined> =>
    ((await test.handle({ type: 'getStatus' }, popupSender)) as StatusAnswer).venues[0];
  const fundingAsked = () => sent.filter((path) => path.endsWith('/funding/history')).length;
  return { ...test, health, fundingAsked };
}

describe('history in data health', () => {
  it('a rate-limited OI history shows in the answer the popup receives, and clears on success', async () => {
    const { handle, health, advance, now, service } = await bybitService();
    replay().setRestFault('bybit', '/v5/market/open-interest', { status: 429, retryAfter: 30 });
    await handle({ type: 'getContext', coins: ['BTC'] }, contentSender);
    await until(async () => (await health())?.history != null, { what: 'history trouble' });

    const shown = await health();
    expect(shown?.history).toEqual({
      reason: { code: 'http', status: 429, retryAfterSeconds: 30 },
      failedAt: now(),
      lastSuccessAt: null,
    });
    // The live poll is fine, and its state says so.
    expect([shown?.state, shown?.reason]).toEqual(['live', null]);
    if (!shown?.history) throw new Error('no history trouble');
    expect(describeHistoryTrouble(shown.history, now(), english, () => '')).toBe(
      'History: rate limited (HTTP 429, asked to retry after 30 s)',
    );

    replay().setRestFault('bybit', '/v5/market/open-interest', null);
    advance(RETRY_AFTER_FAILURE_MS);
    await service.pollDue();
    await handle({ type: 'getContext', coins: ['BTC'] }, contentSender);
    await until(async () => (await health())?.history === null, { what: 'history cleared' });
    expect((await health())?.state).toBe('live');
  });

  it('a failing funding history shows with the last good history before it', async () => {
    const { handle, health, advance, now, changes } = await bybitService();
    await handle({ type: 'getContext', coins: ['BTC'] }, contentSender);
    await until(() => changes() > 0, { what: 'OI history fetched' });
    const lastGood = now();
    expect((await health())?.history).toBeNull();

    // Ten minutes on, the OI history is still fresh; the chart's funding history fails.
    advance(10 * 60_000);
    replay().setRestFault('bybit', '/v5/market/funding/history', { body: 'malformed' });
    const answer = (await handle(
      { type: 'getCoinHistory', coin: 'BTC' },
      contentSender,
    )) as CoinHistoryAnswer;
    expect(answer.history.funding.points).toEqual([]);
    const trouble = (await health())?.history;
    expect(trouble?.reason.code).toBe('malformed');
    expect(trouble?.lastSuccessAt).toBe(lastGood);
    expect(trouble?.failedAt).toBe(lastGood + 10 * 60_000);
  });

  it('history requests of a venue switched off stop at once and are nobody’s failure', async () => {
    const { handle, health, fundingAsked } = await bybitService();
    replay().setRestFault('bybit', '/v5/market/funding/history', { delayMs: 8_000 });
    const started = Date.now();
    const chart = handle({ type: 'getCoinHistory', coin: 'BTC' }, contentSender);
    await until(() => fundingAsked() === 1, { what: 'funding history asked' });
    await handle({ type: 'setVenueSettings', disabled: ['bybit'] }, popupSender);
    await chart;
    // The answer did not wait for the venue's 8 s.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((await health())?.history).toBeNull();
    // Back on, the venue's history is asked for again at once: the abort was not held against it.
    replay().setRestFault('bybit', '/v5/market/funding/history', null);
    await handle({ type: 'setVenueSettings', disabled: [] }, popupSender);
    await handle({ type: 'getCoinHistory', coin: 'BTC' }, contentSender);
    expect(fundingAsked()).toBe(2);
    expect((await health())?.history).toBeNull();
  }, 15_000);
});
