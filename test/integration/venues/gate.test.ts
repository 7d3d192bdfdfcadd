// The Gate venue against the replay server over real HTTP and WebSocket: the figures it reads must
// be the scenario's, computed by hand, and its socket protocol must hold up against the server's.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Instrument, Liquidation } from '../../../src/core/market';
import { createVenueClient, resolveHosts, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import { gate } from '../../../src/venues/gate';
import { loadScenario, oiCoinsAt, priceAt } from '../../replay/scenario';
import { useReplayServer } from '../replay-fixture';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const SCENARIO = 'venue-gate';
const API = '/api/v4/futures/usdt';

const replay = useReplayServer(SCENARIO);
const hosts = () => resolveHosts('gate', gate.hosts, replay().origin);
const client = () => createVenueClient('gate', hosts().rest, (url, init) => fetch(url, init));
const requestsTo = (path: string) => replay().requests.filter((request) => request.path === path);

async function instrumentsBySymbol(): Promise<Map<string, Instrument>> {
  const instruments = await gate.fetchInstruments(client());
  return new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
}

async function tracked(symbol: string): Promise<Instrument> {
  const instrument = (await instrumentsBySymbol()).get(symbol);
  if (!instrument) throw new Error(`${symbol} is listed`);
  return instrument;
}

async function waitFor(check: () => boolean, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Opens the feed's connection on the replay server and collects every text frame. */
async function openFeed() {
  const feed = gate.liquidations;
  if (!feed) throw new Error('gate has a liquidation feed');
  const bySymbol = await instrumentsBySymbol();
  const [plan] = feed.connections([...bySymbol.values()]);
  if (!plan) throw new Error('no connection planned');
  const socket = new WebSocket(`${hosts().ws}${plan.path}`);
  const texts: string[] = [];
  socket.on('message', (data) => texts.push(data.toString()));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  for (const frame of plan.subscribe) socket.send(frameAt(frame, Date.now()));
  const liquidations = (): Liquidation[] => texts.flatMap((text) => feed.parse(text, bySymbol));
  return { socket, texts, liquidations };
}

describe('gate instruments and snapshot', () => {
  it('lists the scenario perpetuals, not the delisting contract or the stock perpetual', async () => {
    expect([...(await instrumentsBySymbol()).values()]).toEqual([
      { venue: 'gate', symbol: 'BTC_USDT', coin: 'BTC', lotSize: 0.0001, fundingIntervalHours: 8 },
      { venue: 'gate', symbol: 'ETH_USDT', coin: 'ETH', lotSize: 0.01, fundingIntervalHours: 8 },
      { venue: 'gate', symbol: 'SOL_USDT', coin: 'SOL', lotSize: 1, fundingIntervalHours: 4 },
      { venue: 'gate', symbol: 'LINK_USDT', coin: 'LINK', lotSize: 1, fundingIntervalHours: 1 },
      { venue: 'gate', symbol: 'PEPE_USDT', coin: 'PEPE', lotSize: 1e7, fundingIntervalHours: 8 },
    ]);
    expect(requestsTo(`${API}/contracts`)).toHaveLength(1);
  });

  it('reads the figures computed by hand from the scenario', async () => {
    const instruments = [...(await instrumentsBySymbol()).values()];
    const rows = await gate.fetchSnapshot(client(), instruments, { now: Date.now(), previous: [] });
    expect(requestsTo(`${API}/tickers`)).toHaveLength(1);
    const row = (coin: string) => rows.find((candidate) => candidate.coin === coin);
    // [coin, price, change %, OI coins, funding per 8h]
    const expected: Array<[string, number, number, number, number]> = [
      ['BTC', 65_000, -1.2, 20_000, 0.0001],
      ['ETH', 3_200, 0.8, 300_000, 0.00012],
      ['SOL', 150, 2.5, 2_000_000, 0.0002], // 0.0001 per 4h
      ['LINK', 15, -0.5, 5_000_000, 0.0004], // quoted 0.00005 per hour
      ['PEPE', 0.00001, -2.2, 6e12, -0.0001],
    ];
    expect(rows).toHaveLength(expected.length);
    for (const [coin, price, change, oiCoins, funding8h] of expected) {
      const found = row(coin);
      expect(found?.priceUsd).toBeCloseTo(price, 12);
      expect(found?.change24hPct).toBeCloseTo(change, 8);
      expect((found?.oiCoins ?? 0) / oiCoins).toBeCloseTo(1, 8);
      expect((found?.oiUsd ?? 0) / (oiCoins * price)).toBeCloseTo(1, 8);
      expect(found?.fundingRate8h).toBeCloseTo(funding8h, 12);
    }
    // 20,000 BTC × $65,000 and 6 trillion PEPE × $0.00001
    expect(row('BTC')?.oiUsd).toBeCloseTo(1_300_000_000, 0);
    expect(row('PEPE')?.oiUsd).toBeCloseTo(60_000_000, 0);
  });

  it('detects a drifted tickers answer as a schema error', async () => {
    const instruments = [...(await instrumentsBySymbol()).values()];
    replay().setRestFault('gate', `${API}/tickers`, { body: 'drift', times: 1 });
    const error = await gate
      .fetchSnapshot(client(), instruments, { now: Date.now(), previous: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VenueError);
    expect((error as VenueError).message).toMatch(/^schema: tickers 0\.last: .*\(BTC_USDT\)$/);
  });
});

describe('gate contract_stats history', () => {
  it('pages through 30 days of hourly open_interest_usd, OI coins × price of each hour', async () => {
    const btc = await tracked('BTC_USDT');
    const to = Date.now();
    const points =
      (await gate.fetchOiHistory?.(client(), btc, { from: to - 720 * HOUR, to })) ?? [];
    expect(points.length).toBeGreaterThanOrEqual(720);
    expect(requestsTo(`${API}/contract_stats`)).toHaveLength(8);
    const coin = loadScenario(SCENARIO).coins.find((candidate) => candidate.coin === 'BTC');
    const market = coin?.venues.gate;
    if (!coin || !market) throw new Error('BTC on gate is in the scenario');
    for (const point of points) {
      const hoursAgo = (Date.now() - point.time) / HOUR;
      expect(
        point.oiUsd / (oiCoinsAt(coin, market, hoursAgo) * priceAt(coin, hoursAgo)),
      ).toBeCloseTo(1, 5);
    }
    // A day ago OI was 80% of today's 20,000 BTC, at $65,000 / 0.988.
    const dayAgo = points.find((point) => Math.abs(to - 24 * HOUR - point.time) < HOUR);
    expect((dayAgo?.oiUsd ?? 0) / ((16_000 * 65_000) / 0.988)).toBeCloseTo(1, 2);
  });

  it('returns 24 hours of 5-minute liquidation buckets holding the scenario totals', async () => {
    const btc = await tracked('BTC_USDT');
    const to = Date.now();
    const buckets =
      (await gate.fetchLiquidationHistory?.(client(), btc, { from: to - 24 * HOUR, to })) ?? [];
    // 288 buckets a day, paged 100 at a time.
    expect(buckets.length).toBeGreaterThanOrEqual(288);
    expect(requestsTo(`${API}/contract_stats`)).toHaveLength(3);
    expect(buckets.every((bucket) => bucket.durationMs === 5 * MINUTE)).toBe(true);
    expect(buckets.every((bucket) => bucket.coin === 'BTC' && bucket.venue === 'gate')).toBe(true);
    const sum = (side: 'longUsd' | 'shortUsd') => buckets.reduce((total, b) => total + b[side], 0);
    // 120,000 + 5,000 + 80,000 long; 30,000 + 250,000 short (okx's buckets are not Gate's).
    expect(sum('longUsd')).toBeCloseTo(205_000, 6);
    expect(sum('shortUsd')).toBeCloseTo(280_000, 6);
    const recent = buckets.find((bucket) => bucket.longUsd === 120_000);
    expect(recent?.shortUsd).toBe(30_000);
    // The bucket holds the moment 12 minutes ago.
    const twelveAgo = to - 12 * MINUTE;
    expect(recent?.start).toBeLessThanOrEqual(twelveAgo + 1_000);
    expect(recent?.start).toBeGreaterThan(twelveAgo - 5 * MINUTE - 1_000);
  });
});

describe('gate liquidation socket', () => {
  it('acks the subscription, answers futures.ping, and pushes the scenario liquidations', async () => {
    const { socket, texts, liquidations } = await openFeed();
    await waitFor(() => texts.length >= 1);
    expect(JSON.parse(texts[0] ?? '')).toMatchObject({
      channel: 'futures.public_liquidates',
      event: 'subscribe',
      result: { status: 'success' },
    });
    socket.send(frameAt(gate.liquidations?.heartbeat?.frame ?? '', Date.now()));
    await waitFor(() => texts.some((text) => text.includes('futures.pong')));
    expect(JSON.parse(texts.find((text) => text.includes('futures.pong')) ?? '')).toMatchObject({
      channel: 'futures.pong',
      result: null,
    });

    await waitFor(() => liquidations().length >= 2);
    socket.close();
    // 0.5 BTC at $64,000 (a long: a negative size) and 2 billion PEPE at $0.0000101; the
    // scenario's okx liquidation never reaches a Gate socket.
    expect(liquidations()).toEqual([
      {
        coin: 'BTC',
        venue: 'gate',
        side: 'long',
        usd: expect.closeTo(32_000, 6),
        time: expect.any(Number),
      },
      {
        coin: 'PEPE',
        venue: 'gate',
        side: 'short',
        usd: expect.closeTo(20_200, 6),
        time: expect.any(Number),
      },
    ]);
  });

  it('reads every frame of a burst in the documented array shape', async () => {
    replay().setSocketFault('gate', '/v4/ws/usdt', { burst: 500 });
    const { socket, liquidations } = await openFeed();
    await waitFor(() => liquidations().length >= 500);
    socket.close();
    const burst = liquidations().slice(0, 500);
    expect(burst).toHaveLength(500);
    expect(new Set(burst.map((liquidation) => liquidation.side))).toEqual(
      new Set(['long', 'short']),
    );
  });
});
