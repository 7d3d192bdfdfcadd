// Live liquidations end to end in Node: the replay server's Bybit socket → streams → store →
// getContext, and what happens when the socket or the worker goes away mid-stream.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/background/database';
import { createLiquidationStore } from '../../src/background/liquidation-store';
import { english } from '../../src/core/english';
import type { Liquidation } from '../../src/core/market';
import { describeStreamReason } from '../../src/core/venue-reason';
import type { ContextsAnswer, StatusAnswer, StreamReason } from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { loadScenario } from '../replay/scenario';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

/** The stream's reason as an English popup words it. */
const worded = (reason: StreamReason | null | undefined) =>
  reason ? describeStreamReason(reason, english) : null;

const replay = useReplayServer('calm');

async function liveService() {
  const test = await createTestService({ origin: replay().origin, venues: [bybit] });
  await test.service.pollDue();
  const stream = async () => (await test.service.health())[0]?.stream;
  await until(async () => (await stream())?.connected === 1);
  return { ...test, stream };
}

describe('streamed liquidations', () => {
  it('reach getContext with the sides and USD computed by hand from the script', async () => {
    const { handle } = await liveService();
    replay().setScenario({
      ...loadScenario('calm'),
      liquidations: [
        // Two longs and a short on BTC, a long on PEPE (1000PEPEUSDT lots on Bybit).
        { atSeconds: 0.05, coin: 'BTC', venue: 'bybit', side: 'long', coins: 2, price: 64_000 },
        { atSeconds: 0.1, coin: 'BTC', venue: 'bybit', side: 'long', coins: 0.5, price: 63_900 },
        { atSeconds: 0.15, coin: 'BTC', venue: 'bybit', side: 'short', coins: 1, price: 64_100 },
        {
          atSeconds: 0.2,
          coin: 'PEPE',
          venue: 'bybit',
          side: 'long',
          coins: 50_000_000,
          price: 0.00001,
        },
      ],
    });
    const btc = async () =>
      (
        (await handle(
          { type: 'getContext', coins: ['BTC', 'PEPE'] },
          contentSender,
        )) as ContextsAnswer
      ).contexts;
    await until(async () => (await btc())[0]?.liquidations['1h'].count === 3);
    const [btcContext, pepeContext] = await btc();
    expect(btcContext?.liquidations['1h']).toMatchObject({
      longUsd: 2 * 64_000 + 0.5 * 63_900,
      shortUsd: 64_100,
      count: 3,
    });
    expect(btcContext?.liquidations['24h'].longUsd).toBe(btcContext?.liquidations['1h'].longUsd);
    await until(async () => (await btc())[1]?.liquidations['1h'].count === 1);
    expect((await btc())[1]?.liquidations['1h'].longUsd).toBeCloseTo(500, 6);
    expect(pepeContext?.coin).toBe('PEPE');
  });

  it('say how much of each window they cover: minutes listened, never more', async () => {
    const { handle } = await liveService();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [btc] = (
      (await handle({ type: 'getContext', coins: ['BTC'] }, contentSender)) as ContextsAnswer
    ).contexts;
    // Listening for well under a minute: no whole minute is covered yet.
    expect(btc?.liquidations['1h'].coveredMinutes).toBe(0);
    expect(btc?.missing).toContain('liquidations');
  });
});

describe('a socket that misbehaves', () => {
  it('dropped in the middle of a burst: what arrived is kept, the gap is recorded, it reconnects', async () => {
    replay().setSocketFault('bybit', '/v5/public/linear', { burst: 3000, dropAfter: 1200 });
    const { service, stream, handle } = await liveService();
    await until(async () => worded((await stream())?.reason)?.includes('dropped') ?? false);
    replay().setSocketFault('bybit', '/v5/public/linear', null);
    const kept = service.liquidations.totals(null, null, {
      from: 0,
      to: Date.now() + 60_000,
    }).count;
    // The subscribe ack is one of the 1,200 frames sent before the drop.
    expect(kept).toBe(1_199);
    await until(async () => (await stream())?.connected === 1, { timeoutMs: 15_000 });
    expect(service.liquidations.coverage('bybit').length).toBeGreaterThanOrEqual(1);
    const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
    expect(venues[0]?.stream?.connected).toBe(1);
  });

  it('refused: the status says so, and it connects once the venue accepts again', async () => {
    replay().setSocketFault('bybit', '/v5/public/linear', { refuse: true });
    const test = await createTestService({ origin: replay().origin, venues: [bybit] });
    await test.service.pollDue();
    const stream = async () => (await test.service.health())[0]?.stream;
    await until(
      async () => worded((await stream())?.reason) === 'stream: connection refused, retrying',
    );
    expect((await stream())?.connected).toBe(0);
    replay().setSocketFault('bybit', '/v5/public/linear', null);
    await until(async () => (await stream())?.connected === 1, { timeoutMs: 15_000 });
    expect((await stream())?.reason).toBeNull();
  });
});

describe('a worker restarted mid-stream', () => {
  const event = (time: number, usd: number): Liquidation => ({
    coin: 'BTC',
    venue: 'bybit',
    side: 'long',
    usd,
    time,
  });

  it('loses no written bucket and counts no replayed event twice', async () => {
    const db = await openDatabase(`restart-${Date.now()}`);
    const now = Date.now();
    const before = createLiquidationStore(db, () => now);
    const first = [event(now - 5_000, 1_000), event(now - 4_000, 2_000)];
    expect(before.ingest(first)).toBe(2);
    before.listening('bybit#0', 'bybit', now - 10_000);
    before.listening('bybit#0', 'bybit', now);
    await before.flush();

    const after = createLiquidationStore(db, () => now + 1_000);
    await after.hydrate();
    // The venue replays its last events after the reconnect, then sends a new one.
    expect(after.ingest([...first, event(now + 500, 4_000)])).toBe(1);
    // Wide enough to hold the minutes of all three events, whatever the second now is.
    const window = { from: now - 5 * 60_000, to: now + 5 * 60_000 };
    expect(after.totals('BTC', null, window)).toEqual({ longUsd: 7_000, shortUsd: 0, count: 3 });
    expect(after.coverage('bybit')).toEqual([{ from: now - 10_000, to: now }]);
  });
});
