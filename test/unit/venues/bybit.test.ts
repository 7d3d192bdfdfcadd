import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Instrument, MarketRow } from '../../../src/core/market';
import {
  bybit,
  InstrumentsPage,
  instrumentFromItem,
  rowFromTicker,
  TickerItem,
  TickersResult,
} from '../../../src/venues/bybit';
import { createVenueClient, VenueError } from '../../../src/venues/client';
import { fakeFetch } from './fake-fetch';

const NOW = Date.UTC(2026, 7, 9, 12, 0, 0);

// ---- helpers --------------------------------------------------------------------------------

const REST = 'https://api.bybit.com';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../../fixtures/bybit/${name}`, import.meta.url), 'utf8');

const TICKERS = fixtureText('tickers.json');
const INSTRUMENTS = fixtureText('instruments.json');

function clientFor(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  return { client: createVenueClient('bybit', REST, fake.fetch), calls: fake.calls };
}

const standardClient = () =>
  clientFor({
    '/v5/market/instruments-info': { body: INSTRUMENTS },
    '/v5/market/tickers': { body: TICKERS },
  });

/** Runs `run` and returns the VenueError it must throw. */
async function venueError(run: () => Promise<unknown>): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

const instrument = (over: Partial<Instrument> = {}): Instrument => ({
  venue: 'bybit',
  symbol: 'BTCUSDT',
  coin: 'BTC',
  lotSize: 1,
  fundingIntervalHours: 8,
  ...over,
});

const bySymbol = (rows: MarketRow[]) => new Map(rows.map((row) => [row.symbol, row]));

// ---- instrument metadata --------------------------------------------------------------------

// Which markets we track decides what is summed: only trading perpetuals, never dated futures,
// closed or pre-launch markets, or stablecoins quoted against stablecoins.
describe('instrumentFromItem', () => {
  const item = {
    symbol: '1000PEPEUSDT',
    contractType: 'LinearPerpetual',
    status: 'Trading',
    baseCoin: '1000PEPE',
    quoteCoin: 'USDT',
    fundingInterval: 240,
  };

  it('maps a lot-sized base coin to the coin and its lot, and minutes to hours', () => {
    expect(instrumentFromItem(item)).toEqual({
      venue: 'bybit',
      symbol: '1000PEPEUSDT',
      coin: 'PEPE',
      lotSize: 1000,
      fundingIntervalHours: 4,
    });
  });

  it('accepts fundingInterval sent as a string of minutes', () => {
    const [parsed] = InstrumentsPage.parse({ list: [{ ...item, fundingInterval: '60' }] }).list;
    if (!parsed) throw new Error('list lost its item');
    expect(instrumentFromItem(parsed)?.fundingIntervalHours).toBe(1);
  });

  it.each([
    ['a dated future', { symbol: 'BTCUSDT-26DEC26', contractType: 'LinearFutures' }],
    ['a closed market', { status: 'Closed' }],
    ['a pre-launch market', { status: 'PreLaunch' }],
    ['a stablecoin perpetual', { symbol: 'USDCUSDT', baseCoin: 'USDC' }],
  ])('excludes %s', (_label, over) => {
    expect(instrumentFromItem({ ...item, ...over })).toBeNull();
  });
});

describe('bybit.fetchInstruments', () => {
  it('keeps exactly the trading perpetuals of the fixture', async () => {
    const { client, calls } = standardClient();
    const instruments = await bybit.fetchInstruments(client);
    expect(instruments.map((i) => i.symbol).sort()).toEqual(
      ['1000PEPEUSDT', 'BTCPERP', 'BTCUSDT', 'ETHUSDT', 'SOLUSDT'].sort(),
    );
    const pepe = instruments.find((i) => i.symbol === '1000PEPEUSDT');
    expect(pepe).toMatchObject({ coin: 'PEPE', lotSize: 1000, fundingIntervalHours: 4 });
    // The USDC-settled perpetual is the same coin.
    expect(instruments.find((i) => i.symbol === 'BTCPERP')?.coin).toBe('BTC');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.searchParams.get('category')).toBe('linear');
  });

  // Bybit pages instruments with a cursor; the cursor must reach the venue unchanged.
  it('follows nextPageCursor until it is empty', async () => {
    const all = JSON.parse(INSTRUMENTS);
    const list = all.result.list as unknown[];
    const cursor = 'first%3DBTCUSDT%26last%3DBTCPERP';
    const page = (items: unknown[], next: string) =>
      JSON.stringify({ ...all, result: { ...all.result, list: items, nextPageCursor: next } });
    const { client, calls } = clientFor({
      '/v5/market/instruments-info': (url) =>
        url.searchParams.get('cursor') === null
          ? { body: page(list.slice(0, 4), cursor) }
          : { body: page(list.slice(4), '') },
    });
    const instruments = await bybit.fetchInstruments(client);
    expect(instruments).toHaveLength(5);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.searchParams.get('cursor')).toBe(cursor);
  });
});

// ---- tickers --------------------------------------------------------------------------------

// The numbers the user sees: one-sided OI in USD, per-coin prices for lot-sized symbols,
// funding on an 8-hour basis and 24h change in percent.
describe('rowFromTicker', () => {
  const ticker = TickerItem.parse({
    symbol: 'BTCUSDT',
    lastPrice: '64250.50',
    markPrice: '64251.10',
    price24hPcnt: '0.023333',
    openInterest: '60000.000',
    openInterestValue: '3855066000.00',
    singleOpenInterest: '30000.000',
    singleOpenInterestValue: '1927533000.00',
    fundingRate: '0.0001',
    fundingIntervalHour: '1',
  });

  it('uses the one-sided singleOpenInterestValue, not openInterestValue', () => {
    const row = rowFromTicker(ticker, instrument(), NOW);
    expect(row.oiUsd).toBe(1_927_533_000);
    expect(row.oiUsd).not.toBe(3_855_066_000);
  });

  it('turns price24hPcnt (a fraction) into a percent', () => {
    expect(rowFromTicker(ticker, instrument(), NOW).change24hPct).toBeCloseTo(2.3333, 10);
  });

  it("normalises funding to 8h using the ticker's own interval", () => {
    // 0.0001 every hour is eight payments per 8 hours.
    expect(rowFromTicker(ticker, instrument(), NOW).fundingRate8h).toBeCloseTo(0.0008, 12);
  });

  it("falls back to the instrument's interval when the ticker has none", () => {
    const { fundingIntervalHour: _, ...withoutInterval } = ticker;
    const row = rowFromTicker(withoutInterval, instrument({ fundingIntervalHours: 4 }), NOW);
    expect(row.fundingRate8h).toBeCloseTo(0.0002, 12);
  });

  it('treats an empty fundingRate or price24hPcnt as unknown (null), not 0', () => {
    const blank = TickerItem.parse({
      ...ticker,
      lastPrice: '1',
      markPrice: '1',
      singleOpenInterest: '1',
      singleOpenInterestValue: '1',
      fundingRate: '',
      price24hPcnt: '',
      fundingIntervalHour: '8',
    });
    const row = rowFromTicker(blank, instrument(), NOW);
    expect(row.fundingRate8h).toBeNull();
    expect(row.change24hPct).toBeNull();
  });
});

describe('bybit.fetchSnapshot on our REST fixture', () => {
  async function snapshot() {
    const { client, calls } = standardClient();
    const instruments = await bybit.fetchInstruments(client);
    return {
      rows: await bybit.fetchSnapshot(client, instruments, { now: NOW, previous: [] }),
      calls,
    };
  }

  it('asks for the linear tickers in one call', async () => {
    const { calls } = await snapshot();
    const tickerCalls = calls.filter((url) => url.pathname === '/v5/market/tickers');
    expect(tickerCalls).toHaveLength(1);
    expect(tickerCalls[0]?.searchParams.get('category')).toBe('linear');
    expect(tickerCalls[0]?.searchParams.get('symbol')).toBeNull();
  });

  it('returns only the tracked perpetuals present in the answer', async () => {
    const { rows } = await snapshot();
    // SOLUSDT is tracked but absent from the tickers; the future, USDCUSDT, the closed and the
    // pre-launch market are in the tickers but not tracked.
    expect(rows.map((row) => row.symbol).sort()).toEqual(
      ['1000PEPEUSDT', 'BTCPERP', 'BTCUSDT', 'ETHUSDT'].sort(),
    );
    expect(rows.every((row) => row.venue === 'bybit')).toBe(true);
  });

  it('maps BTCUSDT: one-sided OI, last price, 2.3333% change, 8h funding', async () => {
    const btc = bySymbol((await snapshot()).rows).get('BTCUSDT');
    expect(btc).toMatchObject({ coin: 'BTC', priceUsd: 64250.5, oiUsd: 1_927_533_000 });
    // one-sided: half of openInterestValue 3,855,066,000
    expect(btc?.oiUsd).toBe(3_855_066_000 / 2);
    expect(btc?.change24hPct).toBeCloseTo(2.3333, 10);
    expect(btc?.fundingRate8h).toBeCloseTo(0.0001, 12);
  });

  it('maps ETHUSDT with hourly funding to an 8h rate eight times larger', async () => {
    const eth = bySymbol((await snapshot()).rows).get('ETHUSDT');
    expect(eth?.fundingRate8h).toBeCloseTo(0.0008, 12);
    expect(eth?.change24hPct).toBeCloseTo(-1.25, 10);
    expect(eth?.oiUsd).toBe(468_060_000);
  });

  it('maps 1000PEPEUSDT to PEPE, price per coin, USD OI unchanged, 4h funding', async () => {
    const pepe = bySymbol((await snapshot()).rows).get('1000PEPEUSDT');
    expect(pepe?.coin).toBe('PEPE');
    expect(pepe?.priceUsd).toBeCloseTo(0.012345 / 1000, 15);
    expect(pepe?.oiUsd).toBe(98_720_000);
    expect(pepe?.fundingRate8h).toBeCloseTo(-0.0005, 12);
    expect(pepe?.change24hPct).toBeCloseTo(10, 10);
  });

  it('keeps the USDC perpetual as a second BTC market', async () => {
    const rows = (await snapshot()).rows.filter((row) => row.coin === 'BTC');
    expect(rows.map((row) => row.symbol).sort()).toEqual(['BTCPERP', 'BTCUSDT']);
    expect(rows.reduce((sum, row) => sum + (row.oiUsd ?? 0), 0)).toBe(1_927_533_000 + 96_382_500);
  });

  it('reads the list loosely: the dated future row (no singleOpenInterest) does not fail it', () => {
    const list = JSON.parse(TICKERS).result.list as Array<Record<string, string>>;
    const future = list.find((row) => row.symbol === 'BTCUSDT-26DEC26');
    expect(future?.fundingRate).toBe('');
    expect(TickerItem.safeParse(future).success).toBe(false);
    expect(TickersResult.safeParse(JSON.parse(TICKERS).result).success).toBe(true);
  });
});

// Every failure must become an outcome the status logic understands (see venue-status.ts).
describe('bybit failures become VenueError outcomes', () => {
  const tracked = [
    instrument(),
    instrument({ symbol: 'ETHUSDT', coin: 'ETH', fundingIntervalHours: 1 }),
  ];

  it('a non-zero retCode is an api-error carrying code and message', async () => {
    const body = JSON.stringify({
      retCode: 10001,
      retMsg: 'params error: category invalid',
      result: {},
      retExtInfo: {},
      time: 1786369821770,
    });
    const { client } = clientFor({ '/v5/market/tickers': { body } });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome).toEqual({
      kind: 'api-error',
      detail: '10001 params error: category invalid',
    });
  });

  it('a tracked row missing singleOpenInterestValue is a schema error naming path and symbol', async () => {
    const doc = JSON.parse(TICKERS);
    const eth = doc.result.list[1];
    expect(eth.symbol).toBe('ETHUSDT');
    delete eth.singleOpenInterestValue;
    const { client } = clientFor({ '/v5/market/tickers': { body: JSON.stringify(doc) } });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome.kind).toBe('schema');
    const detail = 'detail' in error.outcome ? error.outcome.detail : '';
    expect(detail).toMatch(/^result\.list\.1\.singleOpenInterestValue: /);
    expect(detail).toContain('(ETHUSDT)');
  });

  it('an untracked row with broken fields does not fail the snapshot', async () => {
    const doc = JSON.parse(TICKERS);
    doc.result.list[2].singleOpenInterestValue = 'n/a'; // 1000PEPEUSDT, not in `tracked`
    const { client } = clientFor({ '/v5/market/tickers': { body: JSON.stringify(doc) } });
    const rows = await bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] });
    expect(rows.map((row) => row.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('a result of another category is a schema error', async () => {
    const doc = JSON.parse(TICKERS);
    doc.result.category = 'inverse';
    const { client } = clientFor({ '/v5/market/tickers': { body: JSON.stringify(doc) } });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect('detail' in error.outcome && error.outcome.detail).toMatch(/^result\.category: /);
  });

  it('malformed JSON is malformed', async () => {
    const { client } = clientFor({ '/v5/market/tickers': { body: TICKERS.slice(0, 200) } });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome.kind).toBe('malformed');
  });

  it('HTTP 429 with Retry-After: 30 is an http outcome with the wait', async () => {
    const { client } = clientFor({
      '/v5/market/tickers': { body: '', status: 429, headers: { 'Retry-After': '30' } },
    });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 30 });
  });

  it('HTTP 403 (Bybit: "access too frequent") without Retry-After keeps retryAfterSeconds null', async () => {
    const { client } = clientFor({
      '/v5/market/instruments-info': { body: 'access too frequent', status: 403 },
    });
    const error = await venueError(() => bybit.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 403, retryAfterSeconds: null });
  });

  it('a fetch that rejects is a network outcome', async () => {
    const client = createVenueClient('bybit', REST, async () => {
      throw new TypeError('fetch failed');
    });
    const error = await venueError(() =>
      bybit.fetchSnapshot(client, tracked, { now: NOW, previous: [] }),
    );
    expect(error.outcome).toEqual({ kind: 'network', detail: 'fetch failed' });
  });
});

// ---- real recorded WebSocket frames ---------------------------------------------------------

const REAL_FRAMES = fileURLToPath(
  new URL(
    '../../../../shared/data/real/bybit/bybit_v5_linear_tickers_ws_2026-08-09.jsonl',
    import.meta.url,
  ),
);

interface Frame {
  topic: string;
  type: 'snapshot' | 'delta';
  data: Record<string, string>;
  ts: number;
}

function readFrames(): Frame[] {
  return readFileSync(REAL_FRAMES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(JSON.parse(line).raw) as Frame);
}

/** Bybit `tickers.*` semantics: a delta replaces only the fields it carries. */
function mergeFrame(state: Map<string, Record<string, string>>, frame: Frame) {
  const symbol = frame.data.symbol as string;
  const previous = state.get(symbol);
  if (frame.type === 'snapshot') state.set(symbol, { ...frame.data });
  else if (previous) state.set(symbol, { ...previous, ...frame.data });
  else throw new Error(`delta for ${symbol} before its snapshot`);
  return state.get(symbol) as Record<string, string>;
}

const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// Real payloads prove our reading of Bybit's two-sided OI: singleOpenInterestValue must be
// singleOpenInterest × markPrice and half of openInterestValue in live data, not just in docs.
describe.skipIf(!existsSync(REAL_FRAMES))('Bybit tickers WebSocket frames (real recording)', () => {
  const frames = existsSync(REAL_FRAMES) ? readFrames() : [];
  const snapshots = frames.filter((frame) => frame.type === 'snapshot');
  const handInstrument = (symbol: string) =>
    instrument({ symbol, coin: symbol.replace(/USDT$/, '') });

  it('holds one snapshot each for BTC, ETH, SOL and DOGE', () => {
    expect(snapshots.map((frame) => frame.data.symbol).sort()).toEqual([
      'BTCUSDT',
      'DOGEUSDT',
      'ETHUSDT',
      'SOLUSDT',
    ]);
  });

  it.each(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'DOGEUSDT'])(
    '%s snapshot maps to numbers computed from its raw strings',
    (symbol) => {
      const raw = snapshots.find((frame) => frame.data.symbol === symbol)?.data;
      if (!raw) throw new Error(`no snapshot for ${symbol}`);
      const row = rowFromTicker(TickerItem.parse(raw), handInstrument(symbol), NOW);
      const oi = Number(raw.singleOpenInterestValue);

      expect(row.coin).toBe(symbol.replace(/USDT$/, ''));
      expect(row.priceUsd).toBe(Number(raw.lastPrice));
      expect(row.oiUsd).toBe(oi);
      // one side of the book: coins × mark, and half of the two-sided figure
      expect(relDiff(Number(raw.singleOpenInterest) * Number(raw.markPrice), oi)).toBeLessThan(
        0.001,
      );
      expect(relDiff(Number(raw.openInterestValue) / 2, oi)).toBeLessThan(0.001);
      expect(relDiff(Number(raw.openInterestValue), oi)).toBeGreaterThan(0.9);

      expect(row.fundingRate8h).toBeCloseTo(
        (Number(raw.fundingRate) * 8) / Number(raw.fundingIntervalHour),
        12,
      );
      expect(row.change24hPct).toBeCloseTo(Number(raw.price24hPcnt) * 100, 10);
      // and the percent agrees with the prices it comes from
      const fromPrices = (Number(raw.lastPrice) / Number(raw.prevPrice24h) - 1) * 100;
      expect(Math.abs((row.change24hPct ?? Number.NaN) - fromPrices)).toBeLessThan(0.01);
    },
  );

  it('BTC one-sided OI is about $1.95 billion, not the two-sided $3.9 billion', () => {
    const raw = snapshots.find((frame) => frame.data.symbol === 'BTCUSDT')?.data;
    const row = rowFromTicker(TickerItem.parse(raw), handInstrument('BTCUSDT'), NOW);
    expect(row.oiUsd).toBe(1_949_998_132.5);
    expect(row.change24hPct).toBeCloseTo(0.1624, 10);
    expect(row.fundingRate8h).toBeCloseTo(0.0001, 12);
  });

  it('every state after merging deltas still parses and stays one-sided', () => {
    const state = new Map<string, Record<string, string>>();
    const oiUpdates = new Map<string, number>();
    for (const frame of frames) {
      expect(frame.topic).toBe(`tickers.${frame.data.symbol}`);
      if (frame.type === 'delta' && 'singleOpenInterestValue' in frame.data) {
        oiUpdates.set(
          frame.data.symbol as string,
          (oiUpdates.get(frame.data.symbol ?? '') ?? 0) + 1,
        );
      }
      const merged = mergeFrame(state, frame);
      const parsed = TickerItem.safeParse(merged);
      if (!parsed.success)
        throw new Error(`${frame.data.symbol} at ts ${frame.ts}: ${parsed.error}`);
      const row = rowFromTicker(parsed.data, handInstrument(parsed.data.symbol), NOW);
      expect(row.oiUsd).toBe(Number(merged.singleOpenInterestValue));
      expect(relDiff(Number(merged.openInterestValue) / 2, row.oiUsd as number)).toBeLessThan(
        0.001,
      );
    }
    // The recording does move OI, so the merge is exercised on the field we care about.
    expect([...oiUpdates.keys()].sort()).toEqual(['BTCUSDT', 'DOGEUSDT', 'ETHUSDT', 'SOLUSDT']);
    // The last BTC delta carrying singleOpenInterestValue is what the merged state shows.
    const lastBtc = frames
      .filter((f) => f.data.symbol === 'BTCUSDT' && f.data.singleOpenInterestValue !== undefined)
      .at(-1);
    expect(state.get('BTCUSDT')?.singleOpenInterestValue).toBe(
      lastBtc?.data.singleOpenInterestValue,
    );
    // A delta without markPrice left it untouched rather than blanking it.
    expect(Number(state.get('BTCUSDT')?.markPrice)).toBeGreaterThan(0);
  });
});
