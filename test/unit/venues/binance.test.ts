import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBaseAsset } from '../../../src/core/coins';
import type { Instrument, MarketRow } from '../../../src/core/market';
import {
  binance,
  circulatingSupplyFromRows,
  currentOi,
  type ExchangeSymbol,
  fetchCirculatingSupply,
  instrumentFromSymbol,
  liquidationsFromFrame,
  OiHistoryAnswer,
  PremiumIndexItem,
  rowFromBinance,
  sweepDue,
  TickerItem,
} from '../../../src/venues/binance';
import { createVenueClient, VenueError } from '../../../src/venues/client';
import { frameAt } from '../../../src/venues/frames';
import { fakeFetch, type Reply, type Route } from './fake-fetch';

// 12:00 UTC: a whole hour, so minute k after it sweeps part k of the instruments.
const NOW = Date.UTC(2026, 7, 9, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---- helpers --------------------------------------------------------------------------------

const REST = 'https://fapi.binance.com';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../../fixtures/binance/${name}.json`, import.meta.url), 'utf8');
const fixture = <T>(name: string) => JSON.parse(fixtureText(name)) as T;

/** `/fapi/v1/openInterest?symbol=`, answered from our per-symbol fixture. */
function openInterestRoute(url: URL): Reply {
  const answers = fixture<Array<{ symbol: string }>>('openInterest');
  const answer = answers.find(({ symbol }) => symbol === url.searchParams.get('symbol'));
  return answer
    ? { body: JSON.stringify(answer) }
    : { body: '{"code":-1121,"msg":"Invalid symbol."}', status: 400 };
}

const STANDARD_ROUTES: Record<string, Route> = {
  '/fapi/v1/exchangeInfo': { body: fixtureText('exchangeInfo') },
  '/fapi/v1/fundingInfo': { body: fixtureText('fundingInfo') },
  '/fapi/v1/premiumIndex': { body: fixtureText('premiumIndex') },
  '/fapi/v1/ticker/24hr': { body: fixtureText('ticker24hr') },
  '/fapi/v1/openInterest': openInterestRoute,
};

function clientFor(overrides: Record<string, Route> = {}) {
  const fake = fakeFetch({ ...STANDARD_ROUTES, ...overrides });
  return { client: createVenueClient('binance', REST, fake.fetch), calls: fake.calls };
}

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

/** Relative closeness, for figures that are products of decimal strings. */
function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(1e-12);
}

const instrument = (over: Partial<Instrument> = {}): Instrument => ({
  venue: 'binance',
  symbol: 'BTCUSDT',
  coin: 'BTC',
  lotSize: 1,
  fundingIntervalHours: 8,
  ...over,
});

const rowsBySymbol = (rows: readonly MarketRow[]) => new Map(rows.map((row) => [row.symbol, row]));
const openInterestCalls = (calls: URL[]) =>
  calls
    .filter((url) => url.pathname === '/fapi/v1/openInterest')
    .map((url) => url.searchParams.get('symbol'))
    .sort();

async function trackedInstruments() {
  return binance.fetchInstruments(clientFor().client);
}

// ---- instrument metadata --------------------------------------------------------------------

// Which markets we track decides what is summed: coin perpetuals only, never quarterlies, TradFi
// (stocks, metals), composite indices, closed or pending markets, or stablecoin pairs.
describe('instrumentFromSymbol', () => {
  const item: ExchangeSymbol = {
    symbol: '1000PEPEUSDT',
    contractType: 'PERPETUAL',
    status: 'TRADING',
    baseAsset: '1000PEPE',
    quoteAsset: 'USDT',
    underlyingType: 'COIN',
  };
  const noIntervals = new Map<string, number>();

  it.each([
    ['1000PEPE', 'PEPE', 1000],
    ['1000000MOG', 'MOG', 1_000_000],
    ['1MBABYDOGE', 'BABYDOGE', 1_000_000],
    ['1INCH', '1INCH', 1],
    ['BTC', 'BTC', 1],
  ])('maps baseAsset %s to coin %s in lots of %d', (baseAsset, coin, lotSize) => {
    expect(instrumentFromSymbol({ ...item, baseAsset }, noIntervals)).toMatchObject({
      venue: 'binance',
      coin,
      lotSize,
    });
  });

  it('takes the funding interval from fundingInfo, 8 hours where it lists nothing', () => {
    expect(instrumentFromSymbol(item, new Map([['1000PEPEUSDT', 4]]))?.fundingIntervalHours).toBe(
      4,
    );
    expect(instrumentFromSymbol(item, noIntervals)?.fundingIntervalHours).toBe(8);
  });

  it('keeps a USDC-quoted perpetual as the same coin', () => {
    expect(
      instrumentFromSymbol(
        { ...item, symbol: 'BTCUSDC', baseAsset: 'BTC', quoteAsset: 'USDC' },
        noIntervals,
      )?.coin,
    ).toBe('BTC');
  });

  it.each([
    ['a quarterly', { symbol: '1000PEPEUSDT_261225', contractType: 'CURRENT_QUARTER' }],
    ['a next quarterly', { symbol: '1000PEPEUSDT_270326', contractType: 'NEXT_QUARTER' }],
    [
      'a TradFi commodity perpetual',
      { symbol: 'XAUUSDT', baseAsset: 'XAU', contractType: 'TRADIFI_PERPETUAL' },
    ],
    [
      'a stock perpetual even if listed as PERPETUAL',
      { symbol: 'TSLAUSDT', baseAsset: 'TSLA', underlyingType: 'EQUITY' },
    ],
    ['a composite index', { symbol: 'BTCDOMUSDT', baseAsset: 'BTCDOM', underlyingType: 'INDEX' }],
    ['a settling (delisted) market', { status: 'SETTLING' }],
    ['a market not yet trading', { status: 'PENDING_TRADING' }],
    ['a market quoted in BTC', { symbol: 'ETHBTC', baseAsset: 'ETH', quoteAsset: 'BTC' }],
    ['a stablecoin perpetual', { symbol: 'USDCUSDT', baseAsset: 'USDC' }],
  ])('excludes %s', (_label, over) => {
    expect(instrumentFromSymbol({ ...item, ...over }, noIntervals)).toBeNull();
  });
});

describe('binance.fetchInstruments on our exchangeInfo and fundingInfo fixtures', () => {
  it('keeps exactly the trading coin perpetuals quoted in USDT or USDC', async () => {
    const instruments = await trackedInstruments();
    expect(instruments.map((i) => i.symbol).sort()).toEqual(
      [
        '1000000MOGUSDT',
        '1000PEPEUSDT',
        '1INCHUSDT',
        '1MBABYDOGEUSDT',
        'BTCUSDC',
        'BTCUSDT',
        'ETHUSDT',
        'SOLUSDT',
      ].sort(),
    );
  });

  it('reads lot sizes from baseAsset and intervals from fundingInfo (8h default)', async () => {
    const bySymbol = new Map((await trackedInstruments()).map((i) => [i.symbol, i]));
    expect(bySymbol.get('1000PEPEUSDT')).toEqual({
      venue: 'binance',
      symbol: '1000PEPEUSDT',
      coin: 'PEPE',
      lotSize: 1000,
      fundingIntervalHours: 4,
    });
    expect(bySymbol.get('1000000MOGUSDT')).toMatchObject({ coin: 'MOG', lotSize: 1_000_000 });
    expect(bySymbol.get('1MBABYDOGEUSDT')).toMatchObject({
      coin: 'BABYDOGE',
      lotSize: 1_000_000,
      fundingIntervalHours: 1,
    });
    // Listed in fundingInfo for its cap and floor, with the default interval.
    expect(bySymbol.get('BTCUSDT')?.fundingIntervalHours).toBe(8);
    // Not listed in fundingInfo at all.
    expect(bySymbol.get('SOLUSDT')?.fundingIntervalHours).toBe(8);
  });

  it('asks exchangeInfo and fundingInfo once each', async () => {
    const { client, calls } = clientFor();
    await binance.fetchInstruments(client);
    expect(calls.map((url) => url.pathname).sort()).toEqual([
      '/fapi/v1/exchangeInfo',
      '/fapi/v1/fundingInfo',
    ]);
  });

  it('an exchangeInfo row without underlyingType is a schema error, not a silent filter', async () => {
    const info = fixture<{ symbols: Array<Record<string, unknown>> }>('exchangeInfo');
    delete info.symbols[1]?.underlyingType;
    const { client } = clientFor({ '/fapi/v1/exchangeInfo': { body: JSON.stringify(info) } });
    const error = await venueError(() => binance.fetchInstruments(client));
    expect(error.outcome).toMatchObject({ kind: 'schema' });
    expect('detail' in error.outcome && error.outcome.detail).toMatch(
      /^symbols\.1\.underlyingType: /,
    );
  });
});

// ---- one row ----------------------------------------------------------------------------------

describe('rowFromBinance', () => {
  const pepe = instrument({
    symbol: '1000PEPEUSDT',
    coin: 'PEPE',
    lotSize: 1000,
    fundingIntervalHours: 4,
  });
  const premium = PremiumIndexItem.parse({
    symbol: '1000PEPEUSDT',
    markPrice: '0.01005000',
    lastFundingRate: '-0.00005000',
  });
  const ticker = TickerItem.parse({
    symbol: '1000PEPEUSDT',
    lastPrice: '0.0100000',
    priceChangePercent: '-2.200',
  });

  it('prices one coin, not one lot, and keeps the percent as a percent', () => {
    const row = rowFromBinance(pepe, premium, ticker, null);
    expectClose(row.priceUsd, 0.00001);
    expect(row.change24hPct).toBe(-2.2);
  });

  it('values OI in coins at the mark price per coin: USD is lots × mark', () => {
    const row = rowFromBinance(pepe, premium, ticker, { coins: 9e12, at: NOW });
    expect(row.oiCoins).toBe(9e12);
    expectClose(row.oiUsd, 9e9 * 0.01005);
    expect(row.oiAt).toBe(NOW);
  });

  it('normalises a 4-hourly rate to 8 hours (twice) and an hourly one eight times', () => {
    expectClose(rowFromBinance(pepe, premium, ticker, null).fundingRate8h, -0.0001);
    const hourly = rowFromBinance({ ...pepe, fundingIntervalHours: 1 }, premium, ticker, null);
    expectClose(hourly.fundingRate8h, -0.0004);
  });

  it('an OI never swept is null, never 0', () => {
    const row = rowFromBinance(pepe, premium, ticker, null);
    expect([row.oiCoins, row.oiUsd, row.oiAt]).toEqual([null, null, null]);
  });

  it('a quarterly row with lastFundingRate "" parses, and its funding is null', () => {
    const quarterly = fixture<unknown[]>('premiumIndex').find(
      (row) => (row as { symbol: string }).symbol === 'BTCUSDT_261225',
    );
    const parsed = PremiumIndexItem.parse(quarterly);
    expect(parsed.lastFundingRate).toBeNull();
    const btc = instrument({ symbol: 'BTCUSDT_261225' });
    expect(rowFromBinance(btc, parsed, ticker, null).fundingRate8h).toBeNull();
  });
});

describe('currentOi', () => {
  const pepe = instrument({ symbol: '1000PEPEUSDT', coin: 'PEPE', lotSize: 1000 });
  const previous: MarketRow = {
    coin: 'PEPE',
    venue: 'binance',
    symbol: '1000PEPEUSDT',
    priceUsd: 0.00001,
    change24hPct: -2.2,
    oiCoins: 8e12,
    oiUsd: 80_000_000,
    oiAt: NOW - 3 * MINUTE,
    fundingRate8h: -0.0001,
  };

  it('a fresh sweep wins, in coins, at the poll time', () => {
    expect(currentOi(pepe, 9e9, previous, NOW)).toEqual({ coins: 9e12, at: NOW });
  });

  it('otherwise carries the previous coins and their time', () => {
    expect(currentOi(pepe, undefined, previous, NOW)).toEqual({
      coins: 8e12,
      at: NOW - 3 * MINUTE,
    });
  });

  it('is null without either, and for a previous row that had none', () => {
    expect(currentOi(pepe, undefined, undefined, NOW)).toBeNull();
    const unknown = { ...previous, oiCoins: null, oiAt: null };
    expect(currentOi(pepe, undefined, unknown, NOW)).toBeNull();
  });
});

// ---- the OI sweep -----------------------------------------------------------------------------

describe('sweepDue', () => {
  const symbols = [
    'SOLUSDT',
    'BTCUSDT',
    '1000PEPEUSDT',
    'ETHUSDT',
    'BTCUSDC',
    'XRPUSDT',
    'DOGEUSDT',
  ];
  const list = symbols.map((symbol) => instrument({ symbol }));
  const allKnown = new Set(symbols);
  const dueAt = (minute: number) =>
    sweepDue(list, NOW + minute * MINUTE, allKnown).map((i) => i.symbol);

  it('takes every fifth market by symbol, a different fifth each minute', () => {
    // Sorted: 1000PEPEUSDT BTCUSDC BTCUSDT DOGEUSDT ETHUSDT SOLUSDT XRPUSDT
    expect(dueAt(0)).toEqual(['1000PEPEUSDT', 'SOLUSDT']);
    expect(dueAt(1)).toEqual(['BTCUSDC', 'XRPUSDT']);
    expect(dueAt(2)).toEqual(['BTCUSDT']);
    expect(dueAt(3)).toEqual(['DOGEUSDT']);
    expect(dueAt(4)).toEqual(['ETHUSDT']);
    expect(dueAt(5)).toEqual(dueAt(0));
  });

  it('covers every market exactly once in five consecutive minutes', () => {
    const swept = [0, 1, 2, 3, 4].flatMap(dueAt).sort();
    expect(swept).toEqual([...symbols].sort());
  });

  it('depends on the minute, not on the second within it', () => {
    expect(sweepDue(list, NOW + 59_999, allKnown).map((i) => i.symbol)).toEqual(dueAt(0));
  });

  it('always takes the markets without a figure yet (a first poll, a new listing)', () => {
    expect(sweepDue(list, NOW).map((i) => i.symbol)).toHaveLength(symbols.length);
    const newListing = new Set(symbols.filter((symbol) => symbol !== 'DOGEUSDT'));
    expect(sweepDue(list, NOW, newListing).map((i) => i.symbol)).toEqual([
      '1000PEPEUSDT',
      'DOGEUSDT',
      'SOLUSDT',
    ]);
  });
});

/**
 * Rows of twenty markets larger than any in the fixtures (not listed now): with them in the
 * previous poll, the fixtures' markets are not among the 20 swept every poll, and rotate.
 */
function twentyLargerMarkets(): MarketRow[] {
  return Array.from({ length: 20 }, (_, i) => ({
    coin: `BIG${i}`,
    venue: 'binance' as const,
    symbol: `BIG${i}USDT`,
    priceUsd: 1,
    change24hPct: 0,
    oiCoins: 1e12,
    oiUsd: 1e12,
    oiAt: NOW,
    fundingRate8h: 0,
  }));
}

describe('binance.fetchSnapshot on our REST fixtures', () => {
  async function poll(now: number, previous: MarketRow[] = []) {
    const { client, calls } = clientFor();
    const instruments = await trackedInstruments();
    return { rows: await binance.fetchSnapshot(client, instruments, { now, previous }), calls };
  }

  it('asks premiumIndex and ticker/24hr for every symbol in one call each', async () => {
    const { calls } = await poll(NOW);
    for (const path of ['/fapi/v1/premiumIndex', '/fapi/v1/ticker/24hr']) {
      const bulk = calls.filter((url) => url.pathname === path);
      expect(bulk).toHaveLength(1);
      expect(bulk[0]?.searchParams.get('symbol')).toBeNull();
    }
  });

  it('returns the tracked markets present in both lists, nothing else', async () => {
    const { rows } = await poll(NOW);
    // 1INCHUSDT is tracked but missing from ticker/24hr; quarterlies, TradFi, BTCDOM, USDCUSDT
    // and FTMUSDT are in the lists but not tracked (TSLAUSDT's blank row does not matter).
    expect(rows.map((row) => row.symbol).sort()).toEqual(
      [
        '1000000MOGUSDT',
        '1000PEPEUSDT',
        '1MBABYDOGEUSDT',
        'BTCUSDC',
        'BTCUSDT',
        'ETHUSDT',
        'SOLUSDT',
      ].sort(),
    );
    expect(rows.every((row) => row.venue === 'binance')).toBe(true);
  });

  it('sweeps every listed market on a first poll, so no total is summed from a fifth', async () => {
    const { rows, calls } = await poll(NOW);
    // 1INCHUSDT is tracked but missing from ticker/24hr: never asked.
    expect(openInterestCalls(calls).sort()).toEqual(
      [
        '1000000MOGUSDT',
        '1000PEPEUSDT',
        '1MBABYDOGEUSDT',
        'BTCUSDC',
        'BTCUSDT',
        'ETHUSDT',
        'SOLUSDT',
      ].sort(),
    );
    const bySymbol = rowsBySymbol(rows);
    expect(bySymbol.get('BTCUSDT')).toMatchObject({ oiCoins: 80_000, oiAt: NOW });
    expectClose(bySymbol.get('BTCUSDT')?.oiUsd, 80_000 * 65_010.5);
    expect(bySymbol.get('1000000MOGUSDT')?.oiCoins).toBe(2.5e13);
    expectClose(bySymbol.get('1000000MOGUSDT')?.oiUsd, 20_000_000);
    expect(rows.every((row) => row.oiCoins !== null)).toBe(true);
  });

  it('with every figure known, minute 0 sweeps its fifth, 1000000MOGUSDT and BTCUSDT', async () => {
    const first = await poll(NOW - 10 * MINUTE);
    const { calls } = await poll(NOW, [...first.rows, ...twentyLargerMarkets()]);
    // Sorted tracked: 1000000MOG 1000PEPE 1INCH 1MBABYDOGE BTCUSDC | BTCUSDT ETH SOL
    expect(openInterestCalls(calls)).toEqual(['1000000MOGUSDT', 'BTCUSDT']);
  });

  it('asks the 20 largest markets every poll: here, with 7 listed, every one', async () => {
    const first = await poll(NOW - 10 * MINUTE);
    const { calls } = await poll(NOW, first.rows);
    expect(openInterestCalls(calls).sort()).toEqual(
      [
        '1000000MOGUSDT',
        '1000PEPEUSDT',
        '1MBABYDOGEUSDT',
        'BTCUSDC',
        'BTCUSDT',
        'ETHUSDT',
        'SOLUSDT',
      ].sort(),
    );
  });

  it('never asks the OI of a tracked market missing from the bulk lists', async () => {
    const first = await poll(NOW - 10 * MINUTE);
    // Part 2 holds 1INCHUSDT (no ticker) and SOLUSDT.
    const { calls } = await poll(NOW + 2 * MINUTE, [...first.rows, ...twentyLargerMarkets()]);
    expect(openInterestCalls(calls)).toEqual(['SOLUSDT']);
  });

  it('maps prices, 24h change and 8h funding of every market', async () => {
    const bySymbol = rowsBySymbol((await poll(NOW)).rows);
    const expected: Array<[string, string, number, number, number]> = [
      // symbol, coin, price per coin, 24h change %, funding per 8h
      ['BTCUSDT', 'BTC', 65_000.1, -1.2, 0.0001],
      ['ETHUSDT', 'ETH', 3199.5, 0.8, 0.00012],
      ['1000PEPEUSDT', 'PEPE', 0.00001, -2.2, -0.0001],
      ['1000000MOGUSDT', 'MOG', 8.01e-7, 5, 0.0001],
      ['1MBABYDOGEUSDT', 'BABYDOGE', 1.49e-9, 1.5, 0.0002],
      ['SOLUSDT', 'SOL', 150.1, 2.5, 0.0001],
      ['BTCUSDC', 'BTC', 65_019.9, -1.1, 0.00005],
    ];
    for (const [symbol, coin, price, change, funding] of expected) {
      const row = bySymbol.get(symbol);
      expect(row?.coin, symbol).toBe(coin);
      expectClose(row?.priceUsd, price);
      expect(row?.change24hPct, symbol).toBe(change);
      expectClose(row?.fundingRate8h, funding);
    }
  });

  it('after five consecutive minutes every market has its OI, each from its own sweep', async () => {
    let rows: MarketRow[] = [];
    const sweptAt = new Map<string, number>();
    for (let minute = 0; minute < 5; minute++) {
      const now = NOW + minute * MINUTE + 7_000;
      const result = await poll(now, rows);
      for (const symbol of openInterestCalls(result.calls)) sweptAt.set(symbol ?? '', now);
      rows = result.rows;
    }
    const bySymbol = rowsBySymbol(rows);
    const expected: Array<[string, number, number]> = [
      // symbol, OI in coins, OI in USD (lots × mark)
      ['BTCUSDT', 80_000, 80_000 * 65_010.5],
      ['ETHUSDT', 1_500_000, 4_800_000_000],
      ['1000PEPEUSDT', 9e12, 90_450_000],
      ['1000000MOGUSDT', 2.5e13, 20_000_000],
      ['1MBABYDOGEUSDT', 4e15, 6_000_000],
      ['SOLUSDT', 10_000_000, 1_500_000_000],
      ['BTCUSDC', 3_000, 195_060_000],
    ];
    for (const [symbol, coins, usd] of expected) {
      const row = bySymbol.get(symbol);
      expectClose(row?.oiCoins, coins);
      expectClose(row?.oiUsd, usd);
      expect(row?.oiAt, symbol).toBe(sweptAt.get(symbol));
    }
    // Each market was asked exactly once in the five minutes.
    expect([...sweptAt.keys()].sort()).toEqual([...bySymbol.keys()].sort());
  });

  it('re-prices carried-over coins at the new mark and keeps their measurement time', async () => {
    const first = await poll(NOW);
    const premium = fixture<Array<Record<string, string>>>('premiumIndex');
    const btc = premium.find((row) => row.symbol === 'BTCUSDT');
    if (!btc) throw new Error('fixture lost BTCUSDT');
    btc.markPrice = '70000.00000000';
    const { client, calls } = clientFor({
      '/fapi/v1/premiumIndex': { body: JSON.stringify(premium) },
    });
    const instruments = await trackedInstruments();
    const later = NOW + MINUTE;
    const rows = await binance.fetchSnapshot(client, instruments, {
      now: later,
      previous: [...first.rows, ...twentyLargerMarkets()],
    });
    expect(openInterestCalls(calls)).not.toContain('BTCUSDT');
    const row = rowsBySymbol(rows).get('BTCUSDT');
    expect(row?.oiCoins).toBe(80_000);
    expectClose(row?.oiUsd, 80_000 * 70_000);
    expect(row?.oiAt).toBe(NOW);
  });

  it('a symbol Binance no longer knows (HTTP 400) keeps its carried figure; the poll succeeds', async () => {
    const first = await poll(NOW);
    const { client } = clientFor({
      '/fapi/v1/openInterest': (url) =>
        url.searchParams.get('symbol') === 'BTCUSDT'
          ? { body: '{"code":-1121,"msg":"Invalid symbol."}', status: 400 }
          : openInterestRoute(url),
    });
    const instruments = await trackedInstruments();
    const rows = await binance.fetchSnapshot(client, instruments, {
      now: NOW + 5 * MINUTE,
      previous: first.rows,
    });
    expect(rowsBySymbol(rows).get('BTCUSDT')).toMatchObject({ oiCoins: 80_000, oiAt: NOW });
    expect(rowsBySymbol(rows).get('1000000MOGUSDT')?.oiAt).toBe(NOW + 5 * MINUTE);
  });

  it('costs 10 + 40 weight for the bulk lists and one per swept market', async () => {
    const instruments = await trackedInstruments();
    // Eight markets: all among the 20 swept every poll.
    expect(binance.snapshotCost(instruments)).toBe(10 + 40 + 8);
    expect(binance.snapshotCost([])).toBe(50);
    // 550 markets: the 20 largest every poll, a fifth of the other 530.
    const many = Array.from({ length: 550 }, (_, i) => instrument({ symbol: `C${i}USDT` }));
    expect(binance.snapshotCost(many)).toBe(10 + 40 + 20 + 106);
  });
});

// Every failure must become an outcome the status logic understands (see venue-status.ts).
describe('binance failures become VenueError outcomes', () => {
  const tracked = [instrument(), instrument({ symbol: 'ETHUSDT', coin: 'ETH' })];
  const snapshot = (client: ReturnType<typeof clientFor>['client']) =>
    binance.fetchSnapshot(client, tracked, { now: NOW, previous: [] });

  it('HTTP 429 with Retry-After: 30 is an http outcome with the wait', async () => {
    const { client } = clientFor({
      '/fapi/v1/ticker/24hr': { body: '', status: 429, headers: { 'Retry-After': '30' } },
    });
    const error = await venueError(() => snapshot(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 30 });
  });

  it('HTTP 418 (IP banned after repeated 429s) ends the poll, Retry-After kept', async () => {
    const { client } = clientFor({
      '/fapi/v1/premiumIndex': {
        body: '{"code":-1003,"msg":"Way too many requests; IP banned until 1786280400000."}',
        status: 418,
        headers: { 'Retry-After': '3600' },
      },
    });
    const error = await venueError(() => snapshot(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 418, retryAfterSeconds: 3600 });
  });

  it('HTTP 451 (restricted region) without Retry-After keeps retryAfterSeconds null', async () => {
    const body =
      '{"code":0,"msg":"Service unavailable from a restricted location according to b. Eligibility in https://www.binance.com/en/terms."}';
    const { client } = clientFor({ '/fapi/v1/exchangeInfo': { body, status: 451 } });
    const error = await venueError(() => binance.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 451, retryAfterSeconds: null });
  });

  it('a 429 in the middle of the OI sweep ends the poll (it is not one unknown symbol)', async () => {
    const { client } = clientFor({
      '/fapi/v1/openInterest': { body: '', status: 429, headers: { 'Retry-After': '12' } },
    });
    const error = await venueError(() => snapshot(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 12 });
  });

  it('a tracked row with a renamed markPrice is a schema error naming list, path and symbol', async () => {
    const premium = fixture<Array<Record<string, string>>>('premiumIndex');
    const eth = premium[1];
    expect(eth?.symbol).toBe('ETHUSDT');
    if (eth) {
      eth.markPx = eth.markPrice ?? '';
      delete eth.markPrice;
    }
    const { client } = clientFor({ '/fapi/v1/premiumIndex': { body: JSON.stringify(premium) } });
    const error = await venueError(() => snapshot(client));
    expect(error.outcome.kind).toBe('schema');
    expect('detail' in error.outcome && error.outcome.detail).toMatch(
      /^premiumIndex 1\.markPrice: .*\(ETHUSDT\)$/,
    );
  });

  it('a tracked lastPrice sent as a number is a schema error', async () => {
    const tickers = fixture<Array<Record<string, unknown>>>('ticker24hr');
    for (const row of tickers) row.lastPrice = Number(row.lastPrice);
    const { client } = clientFor({ '/fapi/v1/ticker/24hr': { body: JSON.stringify(tickers) } });
    const error = await venueError(() => snapshot(client));
    expect('detail' in error.outcome && error.outcome.detail).toMatch(
      /^ticker\/24hr 0\.lastPrice: .*\(BTCUSDT\)$/,
    );
  });

  it('malformed JSON is malformed', async () => {
    const { client } = clientFor({
      '/fapi/v1/premiumIndex': { body: fixtureText('premiumIndex').slice(0, 300) },
    });
    expect((await venueError(() => snapshot(client))).outcome.kind).toBe('malformed');
  });

  it('a fetch that rejects is a network outcome', async () => {
    const client = createVenueClient('binance', REST, async () => {
      throw new TypeError('fetch failed');
    });
    const error = await venueError(() => snapshot(client));
    expect(error.outcome).toEqual({ kind: 'network', detail: 'fetch failed' });
  });
});

// ---- OI history and circulating supply --------------------------------------------------------

describe('binance.fetchOiHistory', () => {
  const btc = instrument();
  const history = (routes: Record<string, Route>) => {
    const fake = fakeFetch(routes);
    return { client: createVenueClient('binance', REST, fake.fetch), calls: fake.calls };
  };

  it('reads USD values with number timestamps (live) in time order', async () => {
    const { client } = history({
      '/futures/data/openInterestHist': { body: fixtureText('openInterestHist') },
    });
    const points = await binance.fetchOiHistory?.(client, btc, { from: NOW - 3 * HOUR, to: NOW });
    expect(points).toEqual([
      { time: NOW - 3 * HOUR, oiUsd: 5_200_000_000 },
      { time: NOW - 2 * HOUR, oiUsd: 5_189_505_000 },
      { time: NOW - HOUR, oiUsd: 5_179_020_000 },
      { time: NOW, oiUsd: 5_168_545_000 },
    ]);
  });

  it('reads string timestamps (as in the docs) and rows without CMCCirculatingSupply', () => {
    const rows = OiHistoryAnswer.parse(fixture('openInterestHist-docs'));
    expect(rows.map((row) => row.timestamp)).toEqual([1583127900000, 1583128200000]);
    expect(rows[0]?.sumOpenInterestValue).toBe(150_570_784.07809979);
    expect(circulatingSupplyFromRows(rows)).toBeNull();
  });

  it('covers 30 days with two hourly calls of at most 500 rows, inside the served month', async () => {
    const { client, calls } = history({ '/futures/data/openInterestHist': { body: '[]' } });
    await binance.fetchOiHistory?.(client, btc, { from: NOW - 30 * DAY, to: NOW });
    expect(calls).toHaveLength(2);
    for (const url of calls) {
      expect(url.searchParams.get('symbol')).toBe('BTCUSDT');
      expect(url.searchParams.get('period')).toBe('1h');
      expect(url.searchParams.get('limit')).toBe('500');
    }
    const windows = calls.map((url) => [
      Number(url.searchParams.get('startTime')),
      Number(url.searchParams.get('endTime')),
    ]);
    // Binance refuses a startTime older than its month: an hour is given up for clock skew.
    expect(windows[0]?.[0]).toBe(NOW - 30 * DAY + HOUR);
    // Each window holds at most 500 hourly rows; the second starts where the first ended.
    for (const [start = 0, end = 0] of windows) expect(end - start).toBeLessThan(500 * HOUR);
    expect(windows[1]?.[0]).toBe((windows[0]?.[1] ?? 0) + 1);
    expect(windows[1]?.[1]).toBe(NOW);
  });

  it('drops the duplicate a window edge may bring', async () => {
    const rows = fixture<unknown[]>('openInterestHist');
    const { client } = history({
      '/futures/data/openInterestHist': { body: JSON.stringify([...rows, rows[3]]) },
    });
    const points = await binance.fetchOiHistory?.(client, btc, { from: NOW - 3 * HOUR, to: NOW });
    expect(points?.map((point) => point.time)).toEqual([
      NOW - 3 * HOUR,
      NOW - 2 * HOUR,
      NOW - HOUR,
      NOW,
    ]);
  });
});

describe('fetchCirculatingSupply', () => {
  it('asks one row of OI history and returns its CMCCirculatingSupply in coins', async () => {
    const { fetch, calls } = fakeFetch({
      '/futures/data/openInterestHist': {
        body: JSON.stringify(fixture<unknown[]>('openInterestHist').slice(-1)),
      },
    });
    const client = createVenueClient('binance', REST, fetch);
    expect(await fetchCirculatingSupply(client, instrument())).toBe(19_912_345);
    expect(calls[0]?.searchParams.get('limit')).toBe('1');
    expect(calls[0]?.searchParams.get('symbol')).toBe('BTCUSDT');
  });

  it('takes the latest row that knows it; 0, "" or absence is unknown (null)', () => {
    const rows = (...specs: Array<[timestamp: number, supply?: string]>) =>
      OiHistoryAnswer.parse(
        specs.map(([timestamp, supply]) => ({
          sumOpenInterestValue: '1',
          timestamp,
          ...(supply === undefined ? {} : { CMCCirculatingSupply: supply }),
        })),
      );
    expect(circulatingSupplyFromRows(rows([2, '0'], [1, '5'], [0, '4']))).toBe(5);
    expect(circulatingSupplyFromRows(rows([1, ''], [2]))).toBeNull();
    expect(circulatingSupplyFromRows([])).toBeNull();
  });
});

// ---- live liquidations ------------------------------------------------------------------------

const pepe = instrument({ symbol: '1000PEPEUSDT', coin: 'PEPE', lotSize: 1000 });
const tracked: ReadonlyMap<string, Instrument> = new Map([
  ['BTCUSDT', instrument()],
  ['1000PEPEUSDT', pepe],
]);

function forceOrder(order: Record<string, unknown> = {}) {
  return {
    e: 'forceOrder',
    E: 1_786_276_800_123,
    o: {
      s: 'BTCUSDT',
      S: 'SELL',
      o: 'LIMIT',
      f: 'IOC',
      q: '0.014',
      p: '64800.0',
      ap: '65000.0',
      X: 'FILLED',
      l: '0.014',
      z: '0.014',
      T: 1_786_276_800_120,
      ...order,
    },
  };
}

const parse = (frame: unknown) => binance.liquidations?.parse(JSON.stringify(frame), tracked);

describe('binance liquidation frames', () => {
  it('SELL means a long was liquidated; USD is filled qty × average price', () => {
    expect(parse(forceOrder())).toEqual([
      { coin: 'BTC', venue: 'binance', side: 'long', usd: 0.014 * 65_000, time: 1_786_276_800_120 },
    ]);
  });

  it('BUY means a short was liquidated', () => {
    expect(parse(forceOrder({ S: 'BUY' }))?.[0]?.side).toBe('short');
  });

  it.each([
    ['z is 0', { z: '0' }],
    ['ap is 0', { ap: '0' }],
    ['z and ap are absent', { z: undefined, ap: undefined }],
  ])('falls back to qty × order price when %s', (_label, over) => {
    expect(parse(forceOrder({ q: '0.020', ...over }))?.[0]?.usd).toBeCloseTo(0.02 * 64_800, 9);
  });

  it('a lot-sized symbol: lots × price per lot is the notional, the coin is PEPE', () => {
    const [liquidation] =
      parse(forceOrder({ s: '1000PEPEUSDT', S: 'BUY', z: '500000', ap: '0.0101' })) ?? [];
    expect(liquidation?.coin).toBe('PEPE');
    expect(liquidation?.usd).toBeCloseTo(5050, 9);
  });

  it('reads the combined-stream wrapper', () => {
    const wrapped = { stream: '!forceOrder@arr', data: forceOrder({ S: 'BUY' }) };
    expect(parse(wrapped)).toEqual([
      {
        coin: 'BTC',
        venue: 'binance',
        side: 'short',
        usd: 0.014 * 65_000,
        time: 1_786_276_800_120,
      },
    ]);
  });

  it('skips symbols we do not track (quarterlies, TradFi, unlisted)', () => {
    expect(parse(forceOrder({ s: 'BTCUSDT_261225' }))).toEqual([]);
    expect(parse(forceOrder({ s: 'XAUUSDT' }))).toEqual([]);
  });

  it('answers to LIST_SUBSCRIPTIONS and SUBSCRIBE are no liquidations', () => {
    expect(parse({ result: ['!forceOrder@arr'], id: 1 })).toEqual([]);
    expect(parse({ result: [], id: 1 })).toEqual([]);
    expect(parse({ result: null, id: 2 })).toEqual([]);
  });

  it('an error answer is an api-error with code and message', () => {
    try {
      parse({ error: { code: 2, msg: 'Invalid request: unknown variant PING' }, id: 1 });
      throw new Error('expected a VenueError');
    } catch (error) {
      expect((error as VenueError).outcome).toEqual({
        kind: 'api-error',
        detail: '2 Invalid request: unknown variant PING',
      });
    }
  });

  it.each([
    ['a truncated frame', '{"e":"forceOrder","o":{"s":"BTC', 'malformed'],
    ['an unknown side', JSON.stringify(forceOrder({ S: 'HOLD' })), 'schema'],
    ['a quantity sent as a number', JSON.stringify(forceOrder({ q: 0.014 })), 'schema'],
    ['a frame without the order', JSON.stringify({ e: 'forceOrder', E: 1 }), 'schema'],
    ['another event', JSON.stringify({ e: 'markPriceUpdate', s: 'BTCUSDT', p: '1' }), 'schema'],
  ])('%s throws VenueError %s', (_label, text, kind) => {
    try {
      liquidationsFromFrame(text, tracked);
      throw new Error('expected a VenueError');
    } catch (error) {
      expect(error).toBeInstanceOf(VenueError);
      expect((error as VenueError).outcome.kind).toBe(kind);
    }
  });

  it.each([
    ['a raw event', forceOrder({ S: 'HOLD' }), /^frame o\.S: /],
    [
      'a wrapped event',
      { stream: '!forceOrder@arr', data: forceOrder({ p: '' }) },
      /^frame data\.o\.p: /,
    ],
    ['a JSON array', [forceOrder()], /^frame \(root\): /],
  ])('the schema error of %s names the field, for the status line', (_label, frame, detail) => {
    try {
      parse(frame);
      throw new Error('expected a VenueError');
    } catch (error) {
      const { outcome } = error as VenueError;
      expect(outcome.kind).toBe('schema');
      expect('detail' in outcome && outcome.detail).toMatch(detail);
    }
  });

  it('one raw all-market connection, no subscription, a LIST_SUBSCRIPTIONS every 20 s', () => {
    const feed = binance.liquidations;
    expect(feed?.connections([instrument(), pepe])).toEqual([
      { path: '/market/ws/!forceOrder@arr', subscribe: [] },
    ]);
    expect(feed?.connections([])).toEqual([]);
    expect(feed?.heartbeat?.intervalMs).toBeLessThanOrEqual(25_000);
    const frame = JSON.parse(frameAt(feed?.heartbeat?.frame ?? '{}', Date.now()));
    expect(frame).toEqual({ method: 'LIST_SUBSCRIPTIONS', id: expect.any(Number) });
    expect(Number.isInteger(frame.id) && frame.id >= 0).toBe(true);
  });
});

// ---- real recorded liquidations -------------------------------------------------------------

const REAL_CSV = fileURLToPath(
  new URL(
    '../../../../shared/data/real/binance/binance_usdm_liquidations_2025-10-22_1357-1359_short_squeeze.csv',
    import.meta.url,
  ),
);

interface CsvEvent {
  time: number;
  symbol: string;
  side: string;
  avgPrice: string;
  filledQty: string;
  usdValue: number;
}

function readCsv(): CsvEvent[] {
  const [header, ...lines] = readFileSync(REAL_CSV, 'utf8').trim().split('\n');
  expect(header?.split(',')).toEqual([
    'timestamp',
    'symbol',
    'side',
    'avg_price',
    'filled_qty',
    'usd_value',
  ]);
  return lines.map((line) => {
    const [timestamp = '', symbol = '', side = '', avgPrice = '', filledQty = '', usd = ''] =
      line.split(',');
    return {
      time: Date.parse(`${timestamp}Z`),
      symbol,
      side,
      avgPrice,
      filledQty,
      usdValue: Number(usd),
    };
  });
}

/** The event as Binance pushed it on `!forceOrder@arr` before the bot flattened it. */
function frameOf(event: CsvEvent): string {
  return JSON.stringify({
    e: 'forceOrder',
    E: event.time + 4,
    o: {
      s: event.symbol,
      S: event.side,
      o: 'LIMIT',
      f: 'IOC',
      q: event.filledQty,
      p: event.avgPrice,
      ap: event.avgPrice,
      X: 'FILLED',
      l: event.filledQty,
      z: event.filledQty,
      T: event.time,
    },
  });
}

/** Instruments for the CSV's symbols, the way exchangeInfo's baseAsset would give them. */
function instrumentsOf(events: readonly CsvEvent[]): Map<string, Instrument> {
  return new Map(
    events.map(({ symbol }) => {
      const { coin, lotSize } = parseBaseAsset(symbol.replace(/USD[TC]$/, ''));
      return [symbol, instrument({ symbol, coin, lotSize })];
    }),
  );
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe.skipIf(!existsSync(REAL_CSV))('a real Binance short squeeze (2025-10-22)', () => {
  const events = existsSync(REAL_CSV) ? readCsv() : [];

  function totals(bySymbol: ReadonlyMap<string, Instrument>) {
    const liquidations = events.flatMap((event) => liquidationsFromFrame(frameOf(event), bySymbol));
    const of = (side: string) => liquidations.filter((l) => l.side === side);
    return { liquidations, long: of('long'), short: of('short') };
  }

  it('holds 331 events: 325 BUY and 6 SELL', () => {
    expect(events).toHaveLength(331);
    expect(events.filter((event) => event.side === 'BUY')).toHaveLength(325);
    expect(events.filter((event) => event.side === 'SELL')).toHaveLength(6);
  });

  it('BUY rows are short liquidations, SELL rows long ones, with the CSV’s USD per side', () => {
    const { liquidations, long, short } = totals(instrumentsOf(events));
    expect(liquidations).toHaveLength(331);
    expect(short).toHaveLength(325);
    expect(long).toHaveLength(6);
    const csvUsd = (side: string) =>
      sum(events.filter((event) => event.side === side).map((event) => event.usdValue));
    expect(sum(short.map((l) => l.usd))).toBeCloseTo(csvUsd('BUY'), 6);
    expect(sum(long.map((l) => l.usd))).toBeCloseTo(csvUsd('SELL'), 6);
    // The figures PROVENANCE.md gives: a short squeeze of about $1.30M against $1.7k of longs.
    expect(sum(short.map((l) => l.usd))).toBeCloseTo(1_298_705.15, 1);
    expect(sum(long.map((l) => l.usd))).toBeCloseTo(1_721.3, 1);
  });

  it('each event keeps its trade time and maps 1000-lot symbols to their coin', () => {
    const bySymbol = instrumentsOf(events);
    for (const event of events) {
      const [liquidation] = liquidationsFromFrame(frameOf(event), bySymbol);
      expect(liquidation?.time).toBe(event.time);
      expect(liquidation?.usd).toBeCloseTo(event.usdValue, 6);
    }
    const pepeEvent = events.find((event) => event.symbol === '1000PEPEUSDT');
    if (!pepeEvent) throw new Error('the recording has a 1000PEPEUSDT event');
    expect(liquidationsFromFrame(frameOf(pepeEvent), bySymbol)[0]?.coin).toBe('PEPE');
  });

  it('with our instrument filter, the BTCDOMUSDT (INDEX) event is skipped, and only it', () => {
    const bySymbol = instrumentsOf(events);
    bySymbol.delete('BTCDOMUSDT');
    const btcdom = events.filter((event) => event.symbol === 'BTCDOMUSDT');
    expect(btcdom).toHaveLength(1);
    const { liquidations, long } = totals(bySymbol);
    expect(liquidations).toHaveLength(330);
    const allLong = sum(totals(instrumentsOf(events)).long.map((l) => l.usd));
    expect(sum(long.map((l) => l.usd))).toBeCloseTo(allLong - (btcdom[0]?.usdValue ?? 0), 6);
  });
});

const TARDIS = fileURLToPath(
  new URL(
    '../../../../shared/data/real/ws_messages/tardis_node_test_messages.json',
    import.meta.url,
  ),
);

describe.skipIf(!existsSync(TARDIS))('the forceOrder message recorded by tardis-node', () => {
  it('parses as a short liquidation of 0.014 BTC at the 4706.04 average', () => {
    const messages = JSON.parse(readFileSync(TARDIS, 'utf8')).binance_usdm as Array<{
      stream: string;
    }>;
    const message = messages.find((m) => m.stream.endsWith('@forceOrder'));
    if (!message) throw new Error('no forceOrder message in the recording');
    const liquidations = liquidationsFromFrame(JSON.stringify(message), tracked);
    expect(liquidations).toHaveLength(1);
    expect(liquidations[0]).toMatchObject({
      coin: 'BTC',
      venue: 'binance',
      side: 'short',
      time: 1584059031421,
    });
    // z × ap, not q × p (4793.91) nor l (0.015).
    expect(liquidations[0]?.usd).toBeCloseTo(0.014 * 4706.04, 9);
  });
});
