// The background's logic (poller, stored state, message handler) against the replay server over
// real HTTP, with a clock the test moves.
import { describe, expect, it } from 'vitest';
import { english } from '../../src/core/english';
import { DEFAULT_SIGNAL_SETTINGS } from '../../src/core/settings';
import { describeVenueReason } from '../../src/core/venue-reason';
import { POLL_INTERVAL_MS } from '../../src/core/venue-status';
import type { ContextsAnswer, MarketContext, StatusAnswer, VenueReason } from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { hyperliquid } from '../../src/venues/hyperliquid';
import { memoryStore } from './memory-store';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

/** The status's reason as an English popup words it. */
const worded = (reason: VenueReason | null | undefined) =>
  reason ? describeVenueReason(reason, english) : null;

const replay = useReplayServer('calm');

function setup(store = memoryStore(), dbName?: string) {
  return createTestService({
    origin: replay().origin,
    venues: [bybit],
    store,
    dbName,
    start: Date.UTC(2026, 10, 25, 12, 0, 0),
  });
}

const tickerRequests = () =>
  replay().requests.filter((request) => request.path === '/v5/market/tickers').length;

describe('a good day', () => {
  it('answers getContext and getMarket with the figures computed by hand from the scenario', async () => {
    const { service, handle } = await setup();
    expect(await service.pollDue()).toEqual(['bybit']);

    const { contexts } = (await handle(
      { type: 'getContext', coins: ['BTC', 'sol', 'PEPE', 'NOPE'] },
      contentSender,
    )) as ContextsAnswer;
    const byCoin = new Map(contexts.map((context) => [context.coin, context]));
    expect([...byCoin.keys()].sort()).toEqual(['BTC', 'PEPE', 'SOL']);
    // BTC: 30,000 coins at $65,000; the dated future (800 BTC) is not a perpetual.
    expect(byCoin.get('BTC')?.oi.usd).toBe(1_950_000_000);
    expect(byCoin.get('BTC')?.oi.byVenue).toEqual([
      { venue: 'bybit', usd: 1_950_000_000, oneSided: true },
    ]);
    expect(byCoin.get('BTC')?.price).toEqual({ usd: 65_000, change24hPct: -1.2 });
    // SOL settles every 4 h: 0.0001 per 4 h is 0.0002 per 8 h, 21.9% a year.
    expect(byCoin.get('SOL')?.funding.rate8h).toBeCloseTo(0.0002, 12);
    expect(byCoin.get('SOL')?.funding.apr).toBeCloseTo(21.9, 9);
    // PEPE trades as 1000PEPEUSDT: the price is per coin, the notional unchanged.
    expect(byCoin.get('PEPE')?.price.usd).toBeCloseTo(0.00001, 15);
    expect(byCoin.get('PEPE')?.oi.usd).toBe(100_000_000);
    // Not yet computed: null, never zero.
    expect(byCoin.get('BTC')?.oi.change24hPct).toBeNull();
    expect(byCoin.get('BTC')?.liquidations['24h'].longUsd).toBeNull();

    const market = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(market.oi.usd).toBe(5_000_000_000);
    expect(market.coinCount).toBe(8);
    expect(market.largestCoins.slice(0, 3)).toEqual(['BTC', 'ETH', 'SOL']);
  });

  it('fetches instruments once and then only the bulk tickers each minute', async () => {
    const { service, advance } = await setup();
    await service.pollDue();
    advance(POLL_INTERVAL_MS);
    await service.pollDue();
    advance(POLL_INTERVAL_MS);
    await service.pollDue();
    const paths = replay().requests.map((request) => request.path);
    expect(paths.filter((path) => path === '/v5/market/instruments-info')).toHaveLength(1);
    expect(paths.filter((path) => path === '/v5/market/tickers')).toHaveLength(3);
  });

  it('asks nothing when many callers poll at once or before the minute is up', async () => {
    const { service, advance } = await setup();
    await Promise.all([service.pollDue(), service.pollDue(), service.pollDue()]);
    advance(POLL_INTERVAL_MS - 1);
    await service.pollDue();
    expect(tickerRequests()).toBe(1);
  });
});

describe('bad answers keep the last good data, say why, and back off', () => {
  async function afterGoodPoll() {
    const context = await setup();
    await context.service.pollDue();
    context.advance(POLL_INTERVAL_MS);
    return context;
  }

  async function expectLastGoodData(handle: Awaited<ReturnType<typeof setup>>['handle']) {
    const market = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(market.oi.usd).toBe(5_000_000_000);
  }

  async function bybitStatus(handle: Awaited<ReturnType<typeof setup>>['handle']) {
    const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
    return venues[0];
  }

  it('malformed JSON', async () => {
    const { service, handle, advance } = await afterGoodPoll();
    replay().setRestFault('bybit', '/v5/market/tickers', { body: 'malformed', times: 1 });
    expect(await service.pollDue()).toEqual([]);
    await expectLastGoodData(handle);
    const status = await bybitStatus(handle);
    expect(status?.state).toBe('degraded');
    expect(worded(status?.reason)).toMatch(/^unreadable answer: .*JSON/);
    // Backed off: one interval after a first failure, so the next minute's alarm asks nothing…
    advance(POLL_INTERVAL_MS - 1);
    await service.pollDue();
    expect(tickerRequests()).toBe(2);
    // …and the one after that does, and recovers.
    advance(1);
    expect(await service.pollDue()).toEqual(['bybit']);
    expect((await bybitStatus(handle))?.state).toBe('live');
  });

  it('HTTP 429 with Retry-After', async () => {
    const { service, handle, advance } = await afterGoodPoll();
    replay().setRestFault('bybit', '/v5/market/tickers', {
      status: 429,
      retryAfter: 150,
      times: 1,
    });
    await service.pollDue();
    await expectLastGoodData(handle);
    const status = await bybitStatus(handle);
    expect(worded(status?.reason)).toBe('rate limited (HTTP 429, asked to retry after 150 s)');
    // The alarm fires every minute; the venue is not asked again until Retry-After has passed,
    // not even by a manual refresh.
    for (let minute = 1; minute <= 2; minute++) {
      advance(POLL_INTERVAL_MS);
      await service.pollDue();
      await handle({ type: 'refresh' }, popupSender);
    }
    expect(tickerRequests()).toBe(2);
    advance(POLL_INTERVAL_MS);
    await service.pollDue();
    expect(tickerRequests()).toBe(3);
    expect((await bybitStatus(handle))?.state).toBe('live');
  });

  it('schema drift', async () => {
    const { service, handle } = await afterGoodPoll();
    replay().setRestFault('bybit', '/v5/market/tickers', { body: 'drift' });
    await service.pollDue();
    await expectLastGoodData(handle);
    const status = await bybitStatus(handle);
    expect(status?.state).toBe('degraded');
    expect(worded(status?.reason)).toMatch(
      /^answer changed shape: result\.list\.0\.lastPrice.*\(BTCUSDT\)/,
    );
    expect(status?.lastSuccessAt).not.toBeNull();
  });

  it('a ban (HTTP 403) stops asking for at least ten minutes', async () => {
    const { service, handle, advance } = await afterGoodPoll();
    replay().setRestFault('bybit', '/v5/market/tickers', { status: 403 });
    await service.pollDue();
    expect((await bybitStatus(handle))?.state).toBe('failing');
    for (let minute = 1; minute <= 10; minute++) {
      advance(POLL_INTERVAL_MS);
      await service.pollDue();
    }
    expect(tickerRequests()).toBe(2);
  });

  it.each([
    [418, 'IP banned for too many requests (HTTP 418)', 2 * 60],
    [451, 'not available from your region (HTTP 451)', 6 * 60],
    [500, 'server error (HTTP 500)', 1],
    [503, 'server error (HTTP 503)', 1],
  ])(
    'HTTP %i: last good data kept, “%s”, next try no sooner than %i min',
    async (status, reason, minutes) => {
      const { service, handle, advance } = await afterGoodPoll();
      replay().setRestFault('bybit', '/v5/market/tickers', { status });
      await service.pollDue();
      await expectLastGoodData(handle);
      const shown = await bybitStatus(handle);
      expect([shown?.state, worded(shown?.reason)]).toEqual(['failing', reason]);
      expect(shown?.nextAttemptAt).toBe((shown?.lastAttemptAt ?? 0) + minutes * 60_000);
      advance(minutes * 60_000 - 1);
      await service.pollDue();
      expect(tickerRequests()).toBe(2);
    },
  );

  it('an answer that takes 10 s arrives, and does not hold up the other venues', async () => {
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    replay().setRestFault('bybit', '/v5/market/tickers', { delayMs: 10_000, times: 1 });
    const started = Date.now();
    const polling = service.pollDue();
    const stateOf = async (venue: string) => {
      const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
      return venues.find((v) => v.venue === venue)?.state;
    };
    // Hyperliquid's answer is in while Bybit's is still on its way.
    await until(async () => (await stateOf('hyperliquid')) === 'live');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stateOf('bybit')).toBe('waiting');
    expect(await polling).toEqual(['bybit', 'hyperliquid']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_900);
    await expectLastGoodData(handle);
  }, 20_000);

  it('a venue that is unreachable is failing, with the reason, and nothing is invented', async () => {
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit],
      fetch: (url, init) => fetch(url.replace(replay().origin, 'http://127.0.0.1:9'), init),
    });
    await service.pollDue();
    const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
    expect(venues[0]?.state).toBe('failing');
    expect(worded(venues[0]?.reason)).toMatch(/^unreachable: /);
    expect(((await handle({ type: 'getMarket' }, popupSender)) as MarketContext).asOf).toBeNull();
  });
});

describe('a restarted worker', () => {
  it('keeps its data and its schedule: nothing lost, nothing fetched twice', async () => {
    const store = memoryStore();
    const first = await setup(store);
    await first.service.pollDue();
    first.service.stop();
    const second = await setup(store, first.dbName);
    expect(await second.service.pollDue()).toEqual([]);
    expect(tickerRequests()).toBe(1);
    expect(
      ((await second.handle({ type: 'getMarket' }, popupSender)) as MarketContext).oi.usd,
    ).toBe(5_000_000_000);
  });

  it('treats damaged stored state as absent rather than trusting it', async () => {
    const store = memoryStore();
    await store.set({
      'snapshot:bybit': { venue: 'bybit', rows: 'garbage' },
      'status:bybit': { state: 42 },
    });
    const { service, handle } = await setup(store);
    expect(((await handle({ type: 'getMarket' }, popupSender)) as MarketContext).asOf).toBeNull();
    expect(await service.pollDue()).toEqual(['bybit']);
  });
});

describe('messages', () => {
  it('refuses senders that are not this extension', async () => {
    const { handle } = await setup();
    expect(
      await handle({ type: 'getMarket' }, { id: 'someone-else', url: 'https://evil.example/' }),
    ).toEqual({
      error: 'sender not allowed',
    });
    expect(await handle({ type: 'getMarket' }, { url: 'https://evil.example/' })).toEqual({
      error: 'sender not allowed',
    });
  });

  it('lets a content script only ask for figures', async () => {
    const { handle } = await setup();
    for (const type of ['getMarket', 'getStatus', 'refresh']) {
      expect(await handle({ type }, contentSender)).toMatchObject({
        error: expect.stringMatching(/^invalid message/),
      });
    }
  });

  it('takes signal thresholds from the popup only when they are valid, and says what is wrong', async () => {
    const { handle } = await setup();
    const custom = {
      ...DEFAULT_SIGNAL_SETTINGS,
      longFlush: { ...DEFAULT_SIGNAL_SETTINGS.longFlush, longSharePct: 80 },
    };
    expect(await handle({ type: 'setSignalSettings', settings: custom }, popupSender)).toEqual({
      settings: custom,
    });
    expect(await handle({ type: 'getSignalSettings' }, popupSender)).toEqual({ settings: custom });
    const tooHigh = {
      ...custom,
      longFlush: { ...custom.longFlush, longSharePct: 120, oiChangePct: 5 },
    };
    expect(await handle({ type: 'setSignalSettings', settings: tooHigh }, popupSender)).toEqual({
      error: expect.stringMatching(
        /^invalid signal settings \(longFlush\.oiChangePct: .*; longFlush\.longSharePct: .*\)$/,
      ),
      // The same problems by field, for the popup's form.
      fields: {
        'longFlush.oiChangePct': { kind: 'max', limit: -0.5, message: expect.any(String) },
        'longFlush.longSharePct': { kind: 'max', limit: 100, message: expect.any(String) },
      },
    });
    // Nothing was saved: the valid settings stay in force; and a page's content script may not change them.
    expect(await handle({ type: 'getSignalSettings' }, popupSender)).toEqual({ settings: custom });
    expect(
      await handle({ type: 'setSignalSettings', settings: custom }, contentSender),
    ).toMatchObject({
      error: expect.stringMatching(/^invalid message/),
    });
  });

  it('rejects malformed messages with a clear error', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'getContext', coins: 'BTC' }, contentSender)).toMatchObject({
      error: expect.stringMatching(/^invalid message: /),
    });
    expect(
      await handle({ type: 'getContext', coins: Array(201).fill('BTC') }, contentSender),
    ).toMatchObject({
      error: expect.stringMatching(/^invalid message: /),
    });
    expect(await handle('getMarket', popupSender)).toMatchObject({
      error: expect.stringMatching(/^invalid message/),
    });
  });
});
