// The OKX venue against the replay server over real HTTP and WebSocket: the figures it reads must
// be the scenario's, computed by hand, and its socket protocol must hold up against the server's.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Instrument, Liquidation } from '../../../src/core/market';
import { createVenueClient, resolveHosts, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import { okx } from '../../../src/venues/okx';
import { loadScenario, oiCoinsAt, priceAt } from '../../replay/scenario';
import { useReplayServer } from '../replay-fixture';

const HOUR = 3_600_000;
const SCENARIO = 'venue-okx';

const replay = useReplayServer(SCENARIO);
const hosts = () => resolveHosts('okx', okx.hosts, replay().origin);
const client = () => createVenueClient('okx', hosts().rest, (url, init) => fetch(url, init));
const requestsTo = (path: string) => replay().requests.filter((request) => request.path === path);

async function instrumentsBySymbol(): Promise<Map<string, Instrument>> {
  const instruments = await okx.fetchInstruments(client());
  return new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
}

async function waitFor(check: () => boolean, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Opens the feed's connection on the replay server and collects every text frame. */
async function openFeed() {
  const feed = okx.liquidations;
  if (!feed) throw new Error('okx has a liquidation feed');
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
  return { socket, texts, liquidations, feed };
}

describe('okx instruments and snapshot', () => {
  it('lists the linear swaps of the scenario, not the inverse swap or the stock perpetual', async () => {
    const bySymbol = await instrumentsBySymbol();
    expect([...bySymbol.values()]).toEqual([
      {
        venue: 'okx',
        symbol: 'BTC-USDT-SWAP',
        coin: 'BTC',
        lotSize: 0.01,
        fundingIntervalHours: 8,
      },
      { venue: 'okx', symbol: 'ETH-USDT-SWAP', coin: 'ETH', lotSize: 0.1, fundingIntervalHours: 4 },
      { venue: 'okx', symbol: 'SOL-USDT-SWAP', coin: 'SOL', lotSize: 1, fundingIntervalHours: 2 },
      {
        venue: 'okx',
        symbol: 'DOGE-USDT-SWAP',
        coin: 'DOGE',
        lotSize: 1000,
        fundingIntervalHours: 1,
      },
      {
        venue: 'okx',
        symbol: 'PEPE-USDT-SWAP',
        coin: 'PEPE',
        lotSize: 1e7,
        fundingIntervalHours: 8,
      },
    ]);
  });

  it('reads the figures computed by hand from the scenario', async () => {
    const bySymbol = await instrumentsBySymbol();
    replay().reset();
    const rows = await okx.fetchSnapshot(client(), [...bySymbol.values()], {
      now: Date.now(),
      previous: [],
    });
    expect(
      replay()
        .requests.map((request) => request.path)
        .sort(),
    ).toEqual([
      '/api/v5/market/tickers',
      '/api/v5/public/funding-rate',
      '/api/v5/public/open-interest',
    ]);
    const row = (coin: string) => rows.find((candidate) => candidate.coin === coin);
    // [coin, price, change %, OI coins, funding per 8h]
    const expected: Array<[string, number, number, number, number]> = [
      ['BTC', 65_000, -1.2, 25_000, 0.0001],
      ['ETH', 3_200, 0.8, 400_000, 0.00012], // 0.00006 per 4h
      ['SOL', 150, 2.5, 3_000_000, 0.0012], // quoted 0.0003 per 2h
      ['DOGE', 0.12, 3.1, 1_500_000_000, 0.0001], // 0.0000125 per hour
      ['PEPE', 0.00001, -2.2, 8e12, -0.0001],
    ];
    expect(rows).toHaveLength(expected.length);
    for (const [coin, price, change, oiCoins, funding8h] of expected) {
      const found = row(coin);
      expect(found?.priceUsd).toBeCloseTo(price, 12);
      expect(found?.change24hPct).toBeCloseTo(change, 6);
      expect(found?.oiCoins).toBeCloseTo(oiCoins, 0);
      expect((found?.oiUsd ?? 0) / (oiCoins * price)).toBeCloseTo(1, 8);
      expect(found?.fundingRate8h).toBeCloseTo(funding8h, 12);
    }
    // 25,000 BTC × $65,000 and 8 trillion PEPE × $0.00001
    expect(row('BTC')?.oiUsd).toBeCloseTo(1_625_000_000, 0);
    expect(row('PEPE')?.oiUsd).toBeCloseTo(80_000_000, 0);
  });

  it('detects a drifted open-interest answer as a schema error', async () => {
    const instruments = [...(await instrumentsBySymbol()).values()];
    replay().setRestFault('okx', '/api/v5/public/open-interest', { body: 'drift', times: 1 });
    const error = await okx
      .fetchSnapshot(client(), instruments, { now: Date.now(), previous: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VenueError);
    expect((error as VenueError).message).toMatch(/^schema: open-interest data\.0\.oiUsd: /);
  });
});

describe('okx OI history', () => {
  it('pages through 30 days of hourly rows and reads each as OI coins × price of that hour', async () => {
    const btc = (await instrumentsBySymbol()).get('BTC-USDT-SWAP');
    if (!btc) throw new Error('BTC-USDT-SWAP is listed');
    const to = Date.now();
    const points = (await okx.fetchOiHistory?.(client(), btc, { from: to - 720 * HOUR, to })) ?? [];
    expect(points.length).toBeGreaterThanOrEqual(720);
    expect(requestsTo('/api/v5/rubik/stat/contracts/open-interest-history')).toHaveLength(8);
    const scenario = loadScenario(SCENARIO);
    const coin = scenario.coins.find((candidate) => candidate.coin === 'BTC');
    const market = coin?.venues.okx;
    if (!coin || !market) throw new Error('BTC on okx is in the scenario');
    for (const point of points) {
      const hoursAgo = (Date.now() - point.time) / HOUR;
      const usd = oiCoinsAt(coin, market, hoursAgo) * priceAt(coin, hoursAgo);
      expect(point.oiUsd / usd).toBeCloseTo(1, 5);
    }
    // A day ago OI was 80% of today's 25,000 BTC, at $65,000 / 0.988.
    const dayAgo = points.find((point) => Math.abs(to - 24 * HOUR - point.time) < HOUR);
    expect((dayAgo?.oiUsd ?? 0) / ((20_000 * 65_000) / 0.988)).toBeCloseTo(1, 2);
    const times = points.map((point) => point.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('okx liquidation socket', () => {
  it('acks the subscription, answers ping with pong, and pushes the scenario liquidations', async () => {
    const { socket, texts, liquidations } = await openFeed();
    await waitFor(() => texts.length >= 1);
    expect(JSON.parse(texts[0] ?? '')).toMatchObject({
      event: 'subscribe',
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
    });
    socket.send(frameAt(okx.liquidations?.heartbeat?.frame ?? '', Date.now()));
    await waitFor(() => texts.includes('pong'));
    expect(texts).toContain('pong');

    await waitFor(() => liquidations().length >= 2);
    socket.close();
    // The scenario's gate liquidation never reaches an okx socket.
    expect(liquidations()).toEqual([
      { coin: 'BTC', venue: 'okx', side: 'long', usd: 128_000, time: expect.any(Number) },
      {
        coin: 'PEPE',
        venue: 'okx',
        side: 'short',
        usd: expect.closeTo(30_300, 6),
        time: expect.any(Number),
      },
    ]);
  });

  it('reads every frame of a burst', async () => {
    replay().setSocketFault('okx', '/ws/v5/public', { burst: 500 });
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
