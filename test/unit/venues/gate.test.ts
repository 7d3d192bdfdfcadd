import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Instrument, MarketRow } from '../../../src/core/market';
import { createVenueClient, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import {
  ContractItem,
  gate,
  instrumentFromContract,
  LiquidationResult,
  rowFromTicker,
  TickerItem,
} from '../../../src/venues/gate';
import { fakeFetch } from './fake-fetch';

const NOW = Date.UTC(2026, 7, 9, 12, 0, 0);
const NOW_S = NOW / 1000;
const HOUR = 3_600_000;

// ---- helpers --------------------------------------------------------------------------------

const REST = 'https://api.gateio.ws';
const API = '/api/v4/futures/usdt';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../../fixtures/gate/${name}`, import.meta.url), 'utf8');

const CONTRACTS = fixtureText('contracts.json');
const TICKERS = fixtureText('tickers.json');
const STATS_1H = fixtureText('contract-stats-1h.json');
const STATS_5M = fixtureText('contract-stats-5m.json');
const FRAMES = JSON.parse(fixtureText('ws-frames.json')) as Record<string, unknown>;

function clientFor(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  return { client: createVenueClient('gate', REST, fake.fetch), calls: fake.calls };
}

const STANDARD_ROUTES = {
  [`${API}/contracts`]: { body: CONTRACTS },
  [`${API}/tickers`]: { body: TICKERS },
};

/** Runs `run` and returns the VenueError it must throw. */
async function venueError(run: () => unknown): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

const detailOf = (error: VenueError) => ('detail' in error.outcome ? error.outcome.detail : '');

const instrument = (over: Partial<Instrument> = {}): Instrument => ({
  venue: 'gate',
  symbol: 'BTC_USDT',
  coin: 'BTC',
  lotSize: 0.0001,
  fundingIntervalHours: 8,
  ...over,
});

const bySymbol = (rows: MarketRow[]) => new Map(rows.map((row) => [row.symbol, row]));

async function standardSnapshot() {
  const { client, calls } = clientFor(STANDARD_ROUTES);
  const instruments = await gate.fetchInstruments(client);
  const rows = await gate.fetchSnapshot(client, instruments, { now: NOW, previous: [] });
  return { instruments, rows, calls };
}

/** Generated contracts, for paging: every one a tracked crypto perpetual. */
const manyContracts = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `C${i}_USDT`,
    type: 'direct',
    quanto_multiplier: '1',
    funding_interval: 28800,
    in_delisting: false,
    status: 'trading',
    contract_type: '',
  }));

// ---- instrument metadata --------------------------------------------------------------------

describe('instrumentFromContract', () => {
  const item = ContractItem.parse(JSON.parse(CONTRACTS)[2]);

  it('takes the coin from the name and quanto_multiplier as coins per contract', () => {
    expect(instrumentFromContract(item)).toEqual({
      venue: 'gate',
      symbol: 'PEPE_USDT',
      coin: 'PEPE',
      lotSize: 10_000_000,
      fundingIntervalHours: 4, // funding_interval 14,400 s
    });
  });

  it('keeps a contract under a circuit breaker, and one from an answer without status', () => {
    expect(instrumentFromContract({ ...item, status: 'circuit_breaker' })).not.toBeNull();
    const { status: _, contract_type: __, ...older } = item;
    expect(instrumentFromContract(older)?.coin).toBe('PEPE');
  });

  it.each([
    ['a contract in delisting', { in_delisting: true }],
    ['a delisted contract', { status: 'delisted' }],
    ['a pre-launch contract', { status: 'prelaunch' }],
    ['a stock perpetual', { contract_type: 'stocks' }],
    ['a metals perpetual', { contract_type: 'metals' }],
    ['an inverse contract', { type: 'inverse' }],
    ['a stablecoin', { name: 'USDC_USDT' }],
    ['a contract of another quote', { name: 'PEPE_USD' }],
    ['a contract without a multiplier', { quanto_multiplier: 0 }],
  ])('excludes %s', (_label, over) => {
    expect(instrumentFromContract({ ...item, ...over })).toBeNull();
  });
});

describe('gate.fetchInstruments', () => {
  it('keeps exactly the open crypto perpetuals of the fixture', async () => {
    const { client, calls } = clientFor(STANDARD_ROUTES);
    const instruments = await gate.fetchInstruments(client);
    expect(instruments).toEqual([
      instrument(),
      instrument({ symbol: 'ETH_USDT', coin: 'ETH', lotSize: 0.01 }),
      instrument({ symbol: 'PEPE_USDT', coin: 'PEPE', lotSize: 1e7, fundingIntervalHours: 4 }),
      instrument({ symbol: 'SOL_USDT', coin: 'SOL', lotSize: 1, fundingIntervalHours: 1 }),
      instrument({ symbol: 'LINK_USDT', coin: 'LINK', lotSize: 1 }),
    ]);
    expect(calls.map((url) => `${url.pathname}${url.search}`)).toEqual([
      `${API}/contracts?limit=100&offset=0`,
    ]);
  });

  it('pages with limit and offset until a page is short', async () => {
    const all = manyContracts(250);
    const { client, calls } = clientFor({
      [`${API}/contracts`]: (url) => {
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        return { body: JSON.stringify(all.slice(offset, offset + limit)) };
      },
    });
    expect(await gate.fetchInstruments(client)).toHaveLength(250);
    expect(calls.map((url) => url.searchParams.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('stops when a server that ignores paging answers the same contracts again', async () => {
    const body = JSON.stringify(manyContracts(150));
    const { client, calls } = clientFor({ [`${API}/contracts`]: { body } });
    expect(await gate.fetchInstruments(client)).toHaveLength(150);
    expect(calls).toHaveLength(2);
  });
});

// ---- snapshot -------------------------------------------------------------------------------

describe('gate.fetchSnapshot on our REST fixtures', () => {
  it('asks the tickers of every contract in one call (snapshotCost 1)', async () => {
    const { calls, instruments } = await standardSnapshot();
    expect(calls.slice(1).map((url) => `${url.pathname}${url.search}`)).toEqual([`${API}/tickers`]);
    expect(gate.snapshotCost(instruments)).toBe(1);
  });

  it('returns rows for the tracked contracts with a ticker only', async () => {
    const { rows } = await standardSnapshot();
    // LINK is tracked but has no ticker; OLD, TSLA and XAU have tickers but are not tracked.
    expect(rows.map((row) => row.symbol)).toEqual([
      'BTC_USDT',
      'ETH_USDT',
      'PEPE_USDT',
      'SOL_USDT',
    ]);
  });

  it('maps BTC_USDT: OI = total_size × quanto_multiplier coins, × mark price in USD', async () => {
    const btc = bySymbol((await standardSnapshot()).rows).get('BTC_USDT');
    expect(btc).toMatchObject({ coin: 'BTC', venue: 'gate', priceUsd: 65_000, oiAt: NOW });
    expect(btc?.oiCoins).toBeCloseTo(25_000, 6); // 250,000,000 contracts × 0.0001 BTC
    expect(btc?.oiUsd).toBeCloseTo(1_625_250_000, 2); // × mark 65,010
    // change_percentage is already a percent: "-1.2" is −1.2%, not −120%.
    expect(btc?.change24hPct).toBe(-1.2);
    expect(btc?.fundingRate8h).toBeCloseTo(0.0001, 12);
  });

  it('maps PEPE per coin, and funding from 4h and 1h intervals to 8h', async () => {
    const rows = bySymbol((await standardSnapshot()).rows);
    const pepe = rows.get('PEPE_USDT');
    expect(pepe?.priceUsd).toBe(0.00001);
    expect(pepe?.oiCoins).toBeCloseTo(8e12, 0); // 800,000 × 10,000,000
    expect(pepe?.oiUsd).toBeCloseTo(80_800_000, 4); // × mark 0.0000101
    expect(pepe?.fundingRate8h).toBeCloseTo(-0.0002, 12); // −0.0001 per 4h
    expect(rows.get('SOL_USDT')?.fundingRate8h).toBeCloseTo(0.0004, 12); // 0.00005 per 1h
    expect(rows.get('ETH_USDT')?.oiUsd).toBeCloseTo(1_280_400_000, 2);
  });

  it('treats an empty funding_rate or change_percentage as unknown (null), not 0', () => {
    const ticker = TickerItem.parse({
      contract: 'BTC_USDT',
      last: '1',
      mark_price: '1',
      total_size: '1',
      funding_rate: '',
      change_percentage: '',
    });
    const row = rowFromTicker(ticker, instrument(), NOW);
    expect(row.fundingRate8h).toBeNull();
    expect(row.change24hPct).toBeNull();
  });
});

// ---- failures -------------------------------------------------------------------------------

describe('gate failures become VenueError outcomes', () => {
  const tracked = [instrument(), instrument({ symbol: 'ETH_USDT', coin: 'ETH', lotSize: 0.01 })];
  const snapshot = (routes: Parameters<typeof clientFor>[0]) =>
    gate.fetchSnapshot(clientFor(routes).client, tracked, { now: NOW, previous: [] });

  it('a tracked ticker missing total_size is a schema error naming path and contract', async () => {
    const doc = JSON.parse(TICKERS);
    delete doc[1].total_size;
    const error = await venueError(() =>
      snapshot({ [`${API}/tickers`]: { body: JSON.stringify(doc) } }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect(detailOf(error)).toMatch(/^tickers 1\.total_size: .*\(ETH_USDT\)$/);
  });

  it('an untracked ticker with broken fields does not fail the snapshot', async () => {
    const doc = JSON.parse(TICKERS);
    doc[5].total_size = 'n/a'; // TSLA_USDT, a stock perpetual
    const rows = await snapshot({ [`${API}/tickers`]: { body: JSON.stringify(doc) } });
    expect(rows.map((row) => row.symbol)).toEqual(['BTC_USDT', 'ETH_USDT']);
  });

  it('an answer that is not a list is a schema error', async () => {
    const error = await venueError(() =>
      snapshot({ [`${API}/tickers`]: { body: '{"label":"SERVER_ERROR"}' } }),
    );
    expect(error.outcome.kind).toBe('schema');
  });

  it('malformed JSON is malformed', async () => {
    const error = await venueError(() =>
      snapshot({ [`${API}/tickers`]: { body: TICKERS.slice(0, 120) } }),
    );
    expect(error.outcome.kind).toBe('malformed');
  });

  it('HTTP 400 (Gate puts its errors in the status) is an http outcome', async () => {
    const body = '{"label":"INVALID_PARAM_VALUE","message":"invalid contract"}';
    const error = await venueError(() => snapshot({ [`${API}/tickers`]: { body, status: 400 } }));
    expect(error.outcome).toEqual({ kind: 'http', status: 400, retryAfterSeconds: null });
  });

  it('HTTP 429 with Retry-After: 10 is an http outcome with the wait', async () => {
    const error = await venueError(() =>
      snapshot({ [`${API}/tickers`]: { body: '', status: 429, headers: { 'Retry-After': '10' } } }),
    );
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 10 });
  });

  it('a fetch that rejects is a network outcome', async () => {
    const client = createVenueClient('gate', REST, async () => {
      throw new TypeError('fetch failed');
    });
    const error = await venueError(() => gate.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'network', detail: 'fetch failed' });
  });
});

// ---- history: contract_stats ----------------------------------------------------------------

describe('gate.fetchOiHistory', () => {
  it('reads hourly open_interest_usd with `time` in seconds', async () => {
    const { client, calls } = clientFor({ [`${API}/contract_stats`]: { body: STATS_1H } });
    const points = await gate.fetchOiHistory?.(client, instrument(), {
      from: NOW - 2 * HOUR,
      to: NOW,
    });
    expect(points).toEqual([
      { time: NOW - 2 * HOUR, oiUsd: 1_555_200_000 },
      { time: NOW - HOUR, oiUsd: 1_590_050_000 },
      { time: NOW, oiUsd: 1_625_250_000 },
    ]);
    expect(Object.fromEntries(calls[0]?.searchParams ?? [])).toEqual({
      contract: 'BTC_USDT',
      interval: '1h',
      from: String(NOW_S - 7200),
      limit: '100',
    });
  });

  it('pages forward with `from` through 30 days, 100 rows per request', async () => {
    const from = NOW - 720 * HOUR;
    const { client, calls } = clientFor({
      [`${API}/contract_stats`]: (url) => {
        const start = Number(url.searchParams.get('from'));
        const rows = [];
        for (let t = start; t <= NOW_S && rows.length < 100; t += 3600)
          rows.push({ time: t, open_interest_usd: t, long_liq_usd: 0, short_liq_usd: 0 });
        return { body: JSON.stringify(rows) };
      },
    });
    const points = (await gate.fetchOiHistory?.(client, instrument(), { from, to: NOW })) ?? [];
    expect(points).toHaveLength(721);
    expect(points[0]).toEqual({ time: from, oiUsd: from / 1000 });
    expect(points.at(-1)?.time).toBe(NOW);
    expect(calls).toHaveLength(8);
    expect(calls[1]?.searchParams.get('from')).toBe(String(from / 1000 + 100 * 3600));
  });
});

describe('gate.fetchLiquidationHistory', () => {
  it('turns 5-minute rows into buckets of long and short USD, quiet ones included', async () => {
    const { client, calls } = clientFor({ [`${API}/contract_stats`]: { body: STATS_5M } });
    const buckets = await gate.fetchLiquidationHistory?.(client, instrument(), {
      from: NOW - 10 * 60_000,
      to: NOW,
    });
    const bucket = (minutesAgo: number, longUsd: number, shortUsd: number) => ({
      coin: 'BTC',
      venue: 'gate',
      start: NOW - minutesAgo * 60_000,
      durationMs: 300_000,
      longUsd,
      shortUsd,
    });
    expect(buckets).toEqual([bucket(10, 0, 0), bucket(5, 120_000, 30_000), bucket(0, 5_000, 0)]);
    expect(calls[0]?.searchParams.get('interval')).toBe('5m');
  });

  it('reads sizes sent as strings and USD sent as numbers or strings alike', async () => {
    const rows = [{ time: NOW_S, open_interest_usd: '1', long_liq_usd: '12.5', short_liq_usd: 3 }];
    const { client } = clientFor({ [`${API}/contract_stats`]: { body: JSON.stringify(rows) } });
    const buckets = await gate.fetchLiquidationHistory?.(client, instrument(), {
      from: NOW,
      to: NOW,
    });
    expect(buckets?.[0]).toMatchObject({ longUsd: 12.5, shortUsd: 3 });
  });

  it('a row without long_liq_usd is a schema error', async () => {
    const rows = [{ time: NOW_S, open_interest_usd: 1, short_liq_usd: 3 }];
    const { client } = clientFor({ [`${API}/contract_stats`]: { body: JSON.stringify(rows) } });
    const error = await venueError(() =>
      gate.fetchLiquidationHistory?.(client, instrument(), { from: NOW, to: NOW }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect(detailOf(error)).toMatch(/^0\.long_liq_usd: /);
  });
});

// ---- live liquidations ----------------------------------------------------------------------

describe('gate liquidation feed', () => {
  const feed = gate.liquidations;
  if (!feed) throw new Error('gate has a liquidation feed');
  const frame = (name: string) => JSON.stringify(FRAMES[name]);
  const tracked = new Map(
    [
      instrument(),
      instrument({ symbol: 'ETH_USDT', coin: 'ETH', lotSize: 0.01 }),
      instrument({ symbol: 'PEPE_USDT', coin: 'PEPE', lotSize: 1e7 }),
      instrument({ symbol: 'SOL_USDT', coin: 'SOL', lotSize: 1 }),
    ].map((item) => [item.symbol, item]),
  );

  /** The VenueError parsing `text` must throw. */
  function parseError(text: string): VenueError {
    try {
      feed?.parse(text, tracked);
    } catch (error) {
      expect(error).toBeInstanceOf(VenueError);
      return error as VenueError;
    }
    throw new Error('expected a VenueError, but the frame parsed');
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('subscribes to all contracts with `!all`, stamped with the send time in seconds', () => {
    const [plan, ...others] = feed.connections([instrument()]);
    expect(others).toEqual([]);
    expect(plan?.path).toBe('/v4/ws/usdt');
    // Built when sent, so that a reconnect an hour later carries a current time.
    expect(plan?.subscribe.map((frame) => frameAt(frame, NOW + 1_500))).toEqual([
      `{"time":${NOW_S + 1},"channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}`,
    ]);
    expect(plan?.subscribe.map((frame) => frameAt(frame, NOW + 3_600_000))).toEqual([
      `{"time":${NOW_S + 3600},"channel":"futures.public_liquidates","event":"subscribe","payload":["!all"]}`,
    ]);
    expect(feed.connections([])).toEqual([]);
  });

  it('pings with the futures.ping channel every 20 s, with the current time', () => {
    expect(feed.heartbeat?.intervalMs).toBe(20_000);
    expect(frameAt(feed.heartbeat?.frame ?? '', NOW)).toBe(
      `{"time":${NOW_S},"channel":"futures.ping"}`,
    );
  });

  it('reads the documented array: negative size = a long liquidated, USD = |size| × multiplier × price', () => {
    expect(feed.parse(frame('documentedUpdate'), tracked)).toEqual([
      // −5,000 contracts × 0.0001 BTC × 64,000; TSLA_USDT (not tracked) is skipped.
      { coin: 'BTC', venue: 'gate', side: 'long', usd: 32_000, time: 1_786_276_801_200 },
      {
        coin: 'ETH',
        venue: 'gate',
        side: 'short',
        usd: expect.closeTo(1_288.2, 6),
        time: 1_786_276_801_210,
      },
    ]);
  });

  it('reads the live shape: one bare object with `time` in ms and a string price', () => {
    expect(feed.parse(frame('liveUpdate'), tracked)).toEqual([
      // +30 contracts × 10,000,000 PEPE × 0.0000101
      {
        coin: 'PEPE',
        venue: 'gate',
        side: 'short',
        usd: expect.closeTo(3_030, 6),
        time: 1_786_276_802_531,
      },
    ]);
  });

  it('reads a decimal size sent as a string', () => {
    const [sol] = feed.parse(frame('decimalUpdate'), tracked);
    expect(sol).toMatchObject({ coin: 'SOL', side: 'long' });
    expect(sol?.usd).toBeCloseTo(12.5 * 148.25, 9);
  });

  it('reads the subscribe ack and the pong as frames without liquidations', () => {
    expect(feed.parse(frame('subscribeAck'), tracked)).toEqual([]);
    expect(feed.parse(frame('pong'), tracked)).toEqual([]);
  });

  it('a refused subscription is an api-error with the code and message', () => {
    const error = parseError(frame('error'));
    expect(error.outcome).toEqual({
      kind: 'api-error',
      detail: 'futures.public_liquidates subscribe refused: 2 unknown contract NOPE_USDT',
    });
  });

  it.each([
    ['text that is not JSON', '{"channel":', 'malformed'],
    ['a frame without a channel', '{"event":"update"}', 'schema'],
    [
      'an update whose size is not a number',
      '{"channel":"futures.public_liquidates","event":"update","result":{"contract":"BTC_USDT","price":"1","size":"many","time":1}}',
      'schema',
    ],
  ])('%s is a VenueError of kind %s', (_label, text, kind) => {
    expect(parseError(text).outcome.kind).toBe(kind);
  });

  it('an update without any time is a schema error naming the field', () => {
    const text =
      '{"channel":"futures.public_liquidates","event":"update","result":[{"contract":"BTC_USDT","price":1,"size":-1}]}';
    expect(detailOf(parseError(text))).toMatch(
      /^frame result\.0\.time_ms: expected time_ms or time/,
    );
  });

  it('LiquidationResult reads both the documented array and the bare live object as a list', () => {
    const item = { contract: 'BTC_USDT', price: '1', size: -2, time: 5 };
    expect(LiquidationResult.parse(item)).toEqual([
      { contract: 'BTC_USDT', price: 1, size: -2, time: 5 },
    ]);
    expect(LiquidationResult.parse([item, item])).toHaveLength(2);
  });
});
