// Bitget's venue code against the replay server over real HTTP and WebSocket: instruments,
// snapshot numbers checked against the scenario by hand, and the liquidation feed end to end.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Instrument, Liquidation, MarketRow } from '../../../src/core/market';
import { bitget } from '../../../src/venues/bitget';
import { createVenueClient, resolveHosts, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import type { LiquidationFeed } from '../../../src/venues/venue';
import { useReplayServer } from '../replay-fixture';

const replay = useReplayServer('venue-bitget');
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

const hosts = () => resolveHosts('bitget', bitget.hosts, replay().origin);
const client = () => createVenueClient('bitget', hosts().rest, (url, init) => fetch(url, init));

async function snapshot() {
  const venueClient = client();
  const instruments = await bitget.fetchInstruments(venueClient);
  const rows = await bitget.fetchSnapshot(venueClient, instruments, { now: NOW, previous: [] });
  return new Map<string, MarketRow>(rows.map((row) => [row.coin, row]));
}

async function venueError(run: () => Promise<unknown>): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

describe('Bitget REST over the replay server', () => {
  it('lists the scenario perpetuals only: no stock perpetual, maintenance or stablecoin market', async () => {
    const instruments = await bitget.fetchInstruments(client());
    expect(instruments.map((i) => i.symbol)).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      'DOGEUSDT',
      'PEPEUSDT',
      '1000SATSUSDT',
    ]);
    expect(instruments.find((i) => i.coin === 'SATS')).toMatchObject({ lotSize: 1000 });
    expect(instruments.find((i) => i.coin === 'ETH')?.fundingIntervalHours).toBe(4);
  });

  it('maps BTC: 25,000 coins at $65,000, -1.2% over 24h, 0.01% per 8h', async () => {
    const btc = (await snapshot()).get('BTC');
    expect(btc).toMatchObject({ venue: 'bitget', symbol: 'BTCUSDT', priceUsd: 65_000 });
    expect(btc?.oiCoins).toBe(25_000);
    expect(btc?.oiUsd).toBe(1_625_000_000);
    expect(btc?.change24hPct).toBeCloseTo(-1.2, 6);
    expect(btc?.fundingRate8h).toBeCloseTo(0.0001, 12);
  });

  it('normalises 4h (ETH) and 1h (DOGE, 0.005% an hour) funding to 8h', async () => {
    const rows = await snapshot();
    expect(rows.get('ETH')?.fundingRate8h).toBeCloseTo(0.00012, 12);
    expect(rows.get('DOGE')?.fundingRate8h).toBeCloseTo(0.0004, 12);
    expect(rows.get('DOGE')?.change24hPct).toBeCloseTo(3.1, 6);
  });

  it('maps SATS from 1000SATSUSDT: lots × 1000, price per coin, $100M', async () => {
    const sats = (await snapshot()).get('SATS');
    expect(sats?.oiCoins).toBe(500_000_000_000_000);
    expect(sats?.oiUsd).toBeCloseTo(100_000_000, 4);
    expect(sats?.priceUsd).toBeCloseTo(0.0000002, 18);
    expect(sats?.change24hPct).toBeCloseTo(5, 6);
  });

  it('costs the two requests snapshotCost says: tickers and current funding rates', async () => {
    const venueClient = client();
    const instruments = await bitget.fetchInstruments(venueClient);
    replay().reset();
    await bitget.fetchSnapshot(venueClient, instruments, { now: NOW, previous: [] });
    const paths = replay()
      .requests.map((request) => request.path)
      .sort();
    expect(paths).toEqual(['/api/v2/mix/market/current-fund-rate', '/api/v2/mix/market/tickers']);
    expect(bitget.snapshotCost(instruments)).toBe(paths.length);
  });

  it('turns drift, corruption and 429 into VenueError outcomes', async () => {
    const venueClient = client();
    const instruments = await bitget.fetchInstruments(venueClient);
    const poll = () => bitget.fetchSnapshot(venueClient, instruments, { now: NOW, previous: [] });
    const tickers = '/api/v2/mix/market/tickers';

    replay().setRestFault('bitget', tickers, { body: 'drift', times: 1 });
    const drifted = await venueError(poll);
    expect(drifted.outcome.kind).toBe('schema');
    expect('detail' in drifted.outcome && drifted.outcome.detail).toMatch(/lastPr|holdingAmount/);

    replay().setRestFault('bitget', '/api/v2/mix/market/current-fund-rate', {
      body: 'drift',
      times: 1,
    });
    expect((await venueError(poll)).outcome.kind).toBe('schema');

    replay().setRestFault('bitget', tickers, { body: 'malformed', times: 1 });
    expect((await venueError(poll)).outcome.kind).toBe('malformed');

    replay().setRestFault('bitget', tickers, { status: 429, retryAfter: 1, times: 1 });
    expect((await venueError(poll)).outcome).toEqual({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 1,
    });

    expect((await poll()).length).toBe(5);
  });
});

// ---- the liquidation socket -----------------------------------------------------------------

interface Session {
  socket: WebSocket;
  texts: string[];
}

async function openFeed(feed: LiquidationFeed, instruments: readonly Instrument[]) {
  const [plan] = feed.connections(instruments);
  if (!plan) throw new Error('no connection planned');
  const socket = new WebSocket(`${hosts().ws}${plan.path}`);
  const session: Session = { socket, texts: [] };
  socket.on('message', (data) => session.texts.push(data.toString()));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  for (const frame of plan.subscribe) socket.send(frameAt(frame, Date.now()));
  return session;
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the Bitget liquidation socket over the replay server', () => {
  const feed = bitget.liquidations;
  if (!feed) throw new Error('bitget has a liquidation feed');

  const listen = async () => {
    const instruments = await bitget.fetchInstruments(client());
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    const session = await openFeed(feed, instruments);
    const parseAll = () => session.texts.flatMap((text) => feed.parse(text, bySymbol));
    return { session, parseAll };
  };

  it('acks the subscription and answers the text ping with the text pong', async () => {
    const { session, parseAll } = await listen();
    session.socket.send(frameAt(feed.heartbeat?.frame ?? '', Date.now()));
    await until(() => session.texts.includes('pong'));
    expect(JSON.parse(session.texts[0] ?? '')).toMatchObject({
      event: 'subscribe',
      arg: { instType: 'usdt-futures', topic: 'liquidation' },
    });
    expect(session.texts).toContain('pong');
    expect(parseAll()).toEqual([]);
    session.socket.close();
  });

  it("receives the scenario's liquidations and reads side and USD notional", async () => {
    const { session, parseAll } = await listen();
    let received: Liquidation[] = [];
    await until(() => {
      received = parseAll();
      return received.length === 4;
    });
    session.socket.close();
    // Each is coins × price in USD; buy (a long liquidated) for the longs.
    expect(received.map(({ coin, venue, side }) => ({ coin, venue, side }))).toEqual([
      { coin: 'BTC', venue: 'bitget', side: 'long' },
      { coin: 'PEPE', venue: 'bitget', side: 'short' },
      { coin: 'SATS', venue: 'bitget', side: 'long' },
      { coin: 'ETH', venue: 'bitget', side: 'short' },
    ]);
    expect(received.map((liquidation) => liquidation.usd)).toEqual([
      32_000, 10_500, 20_000, 31_800,
    ]);
    for (const liquidation of received) {
      expect(Math.abs(liquidation.time - Date.now())).toBeLessThan(10_000);
    }
    // On the wire: the lot's price, and the amount in USDT whatever the lot.
    const pushes = session.texts
      .filter((text) => text !== 'pong')
      .map((text) => JSON.parse(text) as { data?: Array<Record<string, string>> });
    const sats = pushes
      .flatMap((push) => push.data ?? [])
      .find((row) => row.symbol === '1000SATSUSDT');
    expect(sats).toMatchObject({ side: 'buy', price: '0.0002', amount: '20000' });
  });

  it('reads a burst of 500 frames without one unreadable frame', async () => {
    replay().setSocketFault('bitget', '/v3/ws/public', { burst: 500 });
    const { session, parseAll } = await listen();
    await until(() => session.texts.length >= 501);
    session.socket.close();
    const liquidations = parseAll();
    expect(liquidations.length).toBeGreaterThanOrEqual(500);
    expect(new Set(liquidations.map((liquidation) => liquidation.side))).toEqual(
      new Set(['long', 'short']),
    );
  });
});
