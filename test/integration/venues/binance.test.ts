// The Binance venue against the replay server over real HTTP and WebSocket: what the venue file
// computes must equal what the scenario says, through Binance's own paths and shapes.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Instrument, MarketRow } from '../../../src/core/market';
import { binance, fetchCirculatingSupply } from '../../../src/venues/binance';
import { createVenueClient, resolveHosts, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import {
  marketsOn,
  oiCoinsAt,
  priceAt,
  type ScenarioCoin,
  type VenueMarket,
} from '../../replay/scenario';
import { useReplayServer } from '../replay-fixture';

const replay = useReplayServer('venue-binance');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A whole hour: minute k after it sweeps part k of the instruments.
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

const hosts = () => resolveHosts('binance', binance.hosts, replay().origin);
const client = () => createVenueClient('binance', hosts().rest, (url, init) => fetch(url, init));

/** A scenario coin and its Binance market. */
function scenarioMarket(symbol: string): { coin: ScenarioCoin; market: VenueMarket } {
  const found = marketsOn(replay().scenario, 'binance').find(({ coin }) => coin.coin === symbol);
  if (!found) throw new Error(`no ${symbol} on binance in the scenario`);
  return found;
}

/** OI in USD the scenario gives for an hour that started at `time`, seen at `now`. */
function scenarioOiUsd(symbol: string, time: number, now: number) {
  const { coin, market } = scenarioMarket(symbol);
  const hoursAgo = (now - time) / HOUR;
  return oiCoinsAt(coin, market, hoursAgo) * priceAt(coin, hoursAgo);
}

/** Relative closeness: the replay prints numbers to 8 decimals, as Binance does. */
function expectClose(actual: number | null | undefined, expected: number, tolerance = 1e-9) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(tolerance);
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

describe('instruments', () => {
  it('lists the scenario’s perpetuals, not the quarterly, the TradFi or the index market', async () => {
    const instruments = await binance.fetchInstruments(client());
    expect(instruments.map((i) => i.symbol).sort()).toEqual(
      ['1000000MOGUSDT', '1000PEPEUSDT', 'BTCUSDT', 'DOGEUSDT', 'ETHUSDT', 'SOLUSDT'].sort(),
    );
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    expect(bySymbol.get('1000PEPEUSDT')).toMatchObject({
      coin: 'PEPE',
      lotSize: 1000,
      fundingIntervalHours: 4,
    });
    expect(bySymbol.get('1000000MOGUSDT')).toMatchObject({ coin: 'MOG', lotSize: 1_000_000 });
    expect(bySymbol.get('SOLUSDT')?.fundingIntervalHours).toBe(4);
    expect(bySymbol.get('DOGEUSDT')?.fundingIntervalHours).toBe(1);
    expect(bySymbol.get('BTCUSDT')?.fundingIntervalHours).toBe(8);
  });
});

describe('snapshots', () => {
  async function pollFiveMinutes() {
    const api = client();
    const instruments = await binance.fetchInstruments(api);
    const polls: MarketRow[][] = [];
    let previous: MarketRow[] = [];
    for (let minute = 0; minute < 5; minute++) {
      previous = await binance.fetchSnapshot(api, instruments, {
        now: T0 + minute * MINUTE,
        previous,
      });
      polls.push(previous);
    }
    return { instruments, polls };
  }

  it('sweeps every market on every poll while there are no more than the 20 largest', async () => {
    const { instruments, polls } = await pollFiveMinutes();
    const known = polls.map((rows) => rows.filter((row) => row.oiCoins !== null).length);
    expect(known).toEqual([6, 6, 6, 6, 6]);
    expect(polls.flat().some((row) => row.oiUsd === 0)).toBe(false);

    // Six markets, all among the 20 largest: each is asked on each of the five polls.
    const oiRequests = replay().requests.filter((r) => r.path === '/fapi/v1/openInterest');
    expect(oiRequests).toHaveLength(instruments.length * 5);
    expect(new Set(oiRequests.map((r) => r.query)).size).toBe(instruments.length);
    expect(replay().requests.filter((r) => r.path === '/fapi/v1/premiumIndex')).toHaveLength(5);
    expect(replay().requests.filter((r) => r.path === '/fapi/v1/ticker/24hr')).toHaveLength(5);
  });

  it('the fifth poll’s figures equal the scenario’s, computed by hand', async () => {
    const { polls } = await pollFiveMinutes();
    const rows = new Map((polls[4] ?? []).map((row) => [row.coin, row]));
    for (const { coin, market } of marketsOn(replay().scenario, 'binance')) {
      const row = rows.get(coin.coin);
      expect(row?.venue).toBe('binance');
      expectClose(row?.priceUsd, coin.price);
      expectClose(row?.oiCoins, market.oiCoins);
      expectClose(row?.oiUsd, market.oiCoins * coin.price);
      expectClose(row?.fundingRate8h, coin.fundingRate8h);
      expect(row?.change24hPct).toBeCloseTo(coin.change24hPct, 9);
    }
    // PEPE trades as 1000PEPEUSDT: the price is per coin, the notional unchanged.
    expectClose(rows.get('PEPE')?.priceUsd, 0.00001);
    expectClose(rows.get('PEPE')?.oiUsd, 90_000_000);
    // The quarterly is not a BTC row.
    expect([...rows.keys()].sort()).toEqual(['BTC', 'DOGE', 'ETH', 'MOG', 'PEPE', 'SOL']);
  });

  it('snapshotCost counts the two bulk lists and every market (all among the 20 largest)', async () => {
    const instruments = await binance.fetchInstruments(client());
    expect(binance.snapshotCost(instruments)).toBe(10 + 40 + 6);
  });

  it('schema drift in premiumIndex is a schema error naming the field', async () => {
    const api = client();
    const instruments = await binance.fetchInstruments(api);
    replay().setRestFault('binance', '/fapi/v1/premiumIndex', { body: 'drift', times: 1 });
    const error = await venueError(() =>
      binance.fetchSnapshot(api, instruments, { now: T0, previous: [] }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect('detail' in error.outcome && error.outcome.detail).toMatch(
      /^premiumIndex 0\.markPrice: .*\(BTCUSDT\)$/,
    );
  });

  it('schema drift in ticker/24hr (numbers as numbers) is a schema error', async () => {
    const api = client();
    const instruments = await binance.fetchInstruments(api);
    replay().setRestFault('binance', '/fapi/v1/ticker/24hr', { body: 'drift', times: 1 });
    const error = await venueError(() =>
      binance.fetchSnapshot(api, instruments, { now: T0, previous: [] }),
    );
    expect('detail' in error.outcome && error.outcome.detail).toMatch(/lastPrice/);
  });

  it('a 429 on the OI sweep ends the poll with the Retry-After', async () => {
    const api = client();
    const instruments = await binance.fetchInstruments(api);
    replay().setRestFault('binance', '/fapi/v1/openInterest', { status: 429, retryAfter: 30 });
    const error = await venueError(() =>
      binance.fetchSnapshot(api, instruments, { now: T0, previous: [] }),
    );
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 30 });
  });
});

describe('OI history and circulating supply', () => {
  const btc: Instrument = {
    venue: 'binance',
    symbol: 'BTCUSDT',
    coin: 'BTC',
    lotSize: 1,
    fundingIntervalHours: 8,
  };

  it('30 days of hourly USD values equal coins × price of the scenario at each hour', async () => {
    const to = Date.now();
    const points =
      (await binance.fetchOiHistory?.(client(), btc, { from: to - 30 * DAY, to })) ?? [];
    const requests = replay().requests.filter((r) => r.path === '/futures/data/openInterestHist');
    expect(requests).toHaveLength(2);
    // An hour is given up at the far end for clock skew.
    expect(points.length).toBeGreaterThanOrEqual(30 * 24 - 1);
    expect(points.length).toBeLessThanOrEqual(30 * 24);
    expect(points.every((p, i) => i === 0 || p.time - (points[i - 1]?.time ?? 0) === HOUR)).toBe(
      true,
    );
    // The server read its clock a few milliseconds before ours: a relative 1e-6 covers that.
    const now = Date.now();
    for (const point of points) {
      expectClose(point.oiUsd, scenarioOiUsd('BTC', point.time, now), 1e-6);
    }
    // The scenario's OI grew from 75% to 100% over the month, while the price rose 11%.
    const first = points[0]?.oiUsd ?? 0;
    const last = points.at(-1)?.oiUsd ?? 0;
    expect(last / first).toBeGreaterThan(1.4);
  });

  it('PEPE history is in USD, whatever the lot', async () => {
    const pepe: Instrument = { ...btc, symbol: '1000PEPEUSDT', coin: 'PEPE', lotSize: 1000 };
    const to = Date.now();
    const points = (await binance.fetchOiHistory?.(client(), pepe, { from: to - DAY, to })) ?? [];
    expect(points.length).toBeGreaterThanOrEqual(23);
    const latest = points.at(-1);
    expectClose(latest?.oiUsd, scenarioOiUsd('PEPE', latest?.time ?? 0, Date.now()), 1e-6);
  });

  it('reports the circulating supply where the scenario knows it, null where not', async () => {
    expect(await fetchCirculatingSupply(client(), btc)).toBe(19_900_000);
    const eth: Instrument = { ...btc, symbol: 'ETHUSDT', coin: 'ETH' };
    expect(await fetchCirculatingSupply(client(), eth)).toBeNull();
  });
});

describe('the forceOrder stream', () => {
  function connect(url: string): Promise<{ socket: WebSocket; frames: string[] }> {
    const socket = new WebSocket(url);
    const frames: string[] = [];
    socket.on('message', (data) => frames.push(data.toString()));
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve({ socket, frames }));
      socket.once('error', reject);
    });
  }

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  };

  it('delivers the scenario’s Binance liquidations, read with the right coin, side and USD', async () => {
    const feed = binance.liquidations;
    if (!feed) throw new Error('binance has a liquidation feed');
    const instruments = await binance.fetchInstruments(client());
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    const [plan] = feed.connections(instruments);
    if (!plan) throw new Error('one connection planned');
    const { socket, frames } = await connect(`${hosts().ws}${plan.path}`);
    for (const frame of plan.subscribe) socket.send(frameAt(frame, Date.now()));
    socket.send(frameAt(feed.heartbeat?.frame ?? '', Date.now()));

    // The three Binance events of the scenario, between 1 and 2 s after it starts.
    await until(() => frames.length >= 4);
    socket.close();
    const parsed = frames.map((text) => feed.parse(text, bySymbol));
    // First the heartbeat's answer, no liquidation; the Bybit event never reaches this socket.
    expect(parsed[0]).toEqual([]);
    const liquidations = parsed.flat();
    expect(liquidations.map(({ coin, side }) => [coin, side])).toEqual([
      ['BTC', 'long'],
      ['PEPE', 'short'],
      ['SOL', 'long'],
    ]);
    expectClose(liquidations[0]?.usd, 2 * 64_000);
    expectClose(liquidations[1]?.usd, 5e9 * 0.0000101);
    expectClose(liquidations[2]?.usd, 1000 * 148);
    for (const liquidation of liquidations) {
      expect(liquidation.venue).toBe('binance');
      expect(Math.abs(liquidation.time - Date.now())).toBeLessThan(10_000);
    }
  });

  it('a burst of frames parses to as many liquidations', async () => {
    const feed = binance.liquidations;
    if (!feed) throw new Error('binance has a liquidation feed');
    const instruments = await binance.fetchInstruments(client());
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    replay().setSocketFault('binance', '/market/ws/!forceOrder@arr', { burst: 500 });
    const { socket, frames } = await connect(`${hosts().ws}/market/ws/!forceOrder@arr`);
    socket.send(frameAt(feed.heartbeat?.frame ?? '', Date.now()));
    await until(() => frames.length >= 501);
    socket.close();
    const liquidations = frames.flatMap((text) => feed.parse(text, bySymbol));
    expect(liquidations.length).toBeGreaterThanOrEqual(500);
    expect(new Set(liquidations.slice(0, 500).map((l) => l.side))).toEqual(
      new Set(['long', 'short']),
    );
  });
});
