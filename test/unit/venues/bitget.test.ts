import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Instrument, MarketRow } from '../../../src/core/market';
import {
  bitget,
  Contracts,
  instrumentFromContract,
  liquidationsFromFrame,
  rowFromTicker,
  TickerItem,
  Tickers,
} from '../../../src/venues/bitget';
import { createVenueClient, VenueError } from '../../../src/venues/client';
import { fakeFetch, type Reply } from './fake-fetch';

const NOW = Date.UTC(2026, 7, 9, 12, 0, 0);

// ---- helpers --------------------------------------------------------------------------------

const REST = 'https://api.bitget.com';
const MARKET = '/api/v2/mix/market';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../../fixtures/bitget/${name}`, import.meta.url), 'utf8');

const CONTRACTS = fixtureText('contracts.json');
const TICKERS = fixtureText('tickers.json');
const FUND_RATES = fixtureText('current-fund-rate.json');

function clientFor(routes: Record<string, Reply>) {
  const fake = fakeFetch(routes);
  return { client: createVenueClient('bitget', REST, fake.fetch), calls: fake.calls };
}

const standardRoutes = (): Record<string, Reply> => ({
  [`${MARKET}/contracts`]: { body: CONTRACTS },
  [`${MARKET}/tickers`]: { body: TICKERS },
  [`${MARKET}/current-fund-rate`]: { body: FUND_RATES },
});

/** Runs `run` and returns the VenueError it must throw (or that `run` throws synchronously). */
async function venueError(run: () => unknown): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

const instrument = (over: Partial<Instrument> = {}): Instrument => ({
  venue: 'bitget',
  symbol: 'BTCUSDT',
  coin: 'BTC',
  lotSize: 1,
  fundingIntervalHours: 8,
  ...over,
});

const bySymbol = (rows: MarketRow[]) => new Map(rows.map((row) => [row.symbol, row]));
const detailOf = (error: VenueError) => ('detail' in error.outcome ? error.outcome.detail : '');

// ---- instrument metadata --------------------------------------------------------------------

// Which markets we track decides what is summed: only normal crypto perpetuals, never delivery
// contracts, markets under maintenance or not yet trading, stock perpetuals or stablecoins.
describe('instrumentFromContract', () => {
  const [item] = Contracts.parse([
    {
      symbol: '1000SATSUSDT',
      baseCoin: '1000SATS',
      symbolType: 'perpetual',
      symbolStatus: 'normal',
      fundInterval: '4',
      isRwa: 'NO',
    },
  ]);
  if (!item) throw new Error('the contract did not parse');

  it('maps a lot-sized base coin to the coin and its lot, with the funding interval in hours', () => {
    expect(instrumentFromContract(item)).toEqual({
      venue: 'bitget',
      symbol: '1000SATSUSDT',
      coin: 'SATS',
      lotSize: 1000,
      fundingIntervalHours: 4,
    });
  });

  it('takes 8 hours when fundInterval is blank, and accepts a contract without isRwa', () => {
    const { isRwa: _, ...older } = { ...item, fundInterval: null };
    expect(instrumentFromContract(older)?.fundingIntervalHours).toBe(8);
  });

  it.each([
    ['a delivery contract', { symbol: 'BTCUSDT_260327', symbolType: 'delivery' }],
    ['a market under maintenance', { symbolStatus: 'maintain' }],
    ['a market not trading yet', { symbolStatus: 'listed' }],
    ['a close-only market', { symbolStatus: 'limit_open' }],
    ['a delisted market', { symbolStatus: 'off' }],
    ['a stock perpetual (isRwa YES)', { symbol: 'NVDAUSDT', baseCoin: 'NVDA', isRwa: 'YES' }],
    ['a stablecoin perpetual', { symbol: 'USDCUSDT', baseCoin: 'USDC' }],
  ])('excludes %s', (_label, over) => {
    expect(instrumentFromContract({ ...item, ...over })).toBeNull();
  });
});

describe('bitget.fetchInstruments', () => {
  it('keeps exactly the normal crypto perpetuals of the fixture, in one USDT-FUTURES call', async () => {
    const { client, calls } = clientFor(standardRoutes());
    const instruments = await bitget.fetchInstruments(client);
    expect(instruments.map((i) => i.symbol)).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      '1000SATSUSDT',
      'DOGEUSDT',
      'XRPUSDT',
      'SOLUSDT',
    ]);
    expect(instruments.find((i) => i.symbol === 'DOGEUSDT')?.fundingIntervalHours).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.searchParams.get('productType')).toBe('USDT-FUTURES');
  });
});

// ---- tickers --------------------------------------------------------------------------------

describe('rowFromTicker', () => {
  const ticker = TickerItem.parse({
    symbol: 'BTCUSDT',
    lastPr: '64250.5',
    markPrice: '64251.1',
    change24h: '0.02333',
    holdingAmount: '30000.1234',
    fundingRate: '0.0001',
  });

  it('values holdingAmount (coins) at the mark price', () => {
    const row = rowFromTicker(ticker, instrument(), 8, NOW);
    expect(row.oiCoins).toBe(30_000.1234);
    expect(row.oiUsd).toBeCloseTo(30_000.1234 * 64_251.1, 4);
    expect(row.priceUsd).toBe(64_250.5);
  });

  it('turns change24h (a fraction) into a percent', () => {
    expect(rowFromTicker(ticker, instrument(), 8, NOW).change24hPct).toBeCloseTo(2.333, 10);
  });

  it.each([
    [8, 0.0001],
    [4, 0.0002],
    [2, 0.0004],
    [1, 0.0008],
  ])('normalises funding paid every %i h to an 8h rate of %f', (hours, rate8h) => {
    expect(rowFromTicker(ticker, instrument(), hours, NOW).fundingRate8h).toBeCloseTo(rate8h, 15);
  });

  it('treats an empty fundingRate or change24h as unknown (null), not 0', () => {
    const blank = TickerItem.parse({
      ...ticker,
      lastPr: '1',
      markPrice: '1',
      holdingAmount: '1',
      fundingRate: '',
      change24h: '',
    });
    const row = rowFromTicker(blank, instrument(), 8, NOW);
    expect(row.fundingRate8h).toBeNull();
    expect(row.change24hPct).toBeNull();
  });

  it('has no 8h funding for an interval of 0 rather than dividing by it', () => {
    expect(rowFromTicker(ticker, instrument(), 0, NOW).fundingRate8h).toBeNull();
  });
});

describe('bitget.fetchSnapshot on our REST fixture', () => {
  async function snapshot() {
    const { client, calls } = clientFor(standardRoutes());
    const instruments = await bitget.fetchInstruments(client);
    return {
      rows: await bitget.fetchSnapshot(client, instruments, { now: NOW, previous: [] }),
      calls,
    };
  }

  it('asks for all USDT-FUTURES tickers and funding rates, one call each (cost 2)', async () => {
    const { calls } = await snapshot();
    const paths = calls.slice(1).map((url) => url.pathname);
    expect(paths.sort()).toEqual([`${MARKET}/current-fund-rate`, `${MARKET}/tickers`]);
    for (const url of calls) expect(url.searchParams.get('productType')).toBe('USDT-FUTURES');
    expect(bitget.snapshotCost([])).toBe(calls.length - 1);
  });

  it('returns only the tracked perpetuals present in the answer', async () => {
    const { rows } = await snapshot();
    // SOLUSDT is tracked but has no ticker; the stock, gold, maintenance, stablecoin and
    // delivery rows are in the tickers but not tracked.
    expect(rows.map((row) => row.symbol)).toEqual([
      'BTCUSDT',
      'ETHUSDT',
      '1000SATSUSDT',
      'DOGEUSDT',
      'XRPUSDT',
    ]);
  });

  it("uses the poll's funding interval over the contract's (ETH: 4h listed, 2h now)", async () => {
    const eth = bySymbol((await snapshot()).rows).get('ETHUSDT');
    expect(eth?.fundingRate8h).toBeCloseTo(0.0008, 15);
    expect(eth?.change24hPct).toBeCloseTo(-1.25, 10);
    expect(eth?.oiUsd).toBeCloseTo(450_000 * 3160.4, 4);
  });

  it("falls back to the contract's interval for a symbol missing from the funding rates", async () => {
    const doge = bySymbol((await snapshot()).rows).get('DOGEUSDT');
    expect(doge?.fundingRate8h).toBeCloseTo(-0.0004, 15);
  });

  it('maps 1000SATSUSDT to SATS: coins = lots × 1000, price per coin, USD unchanged', async () => {
    const sats = bySymbol((await snapshot()).rows).get('1000SATSUSDT');
    expect(sats?.coin).toBe('SATS');
    expect(sats?.oiCoins).toBe(500_000_000_000_000);
    expect(sats?.oiUsd).toBeCloseTo(117_200_000, 4);
    expect(sats?.priceUsd).toBeCloseTo(0.0002345 / 1000, 15);
    expect(sats?.fundingRate8h).toBeCloseTo(-0.00015, 15);
  });

  it('keeps a blank funding rate as unknown (XRP)', async () => {
    const xrp = bySymbol((await snapshot()).rows).get('XRPUSDT');
    expect(xrp?.fundingRate8h).toBeNull();
    expect(xrp?.change24hPct).toBeNull();
  });

  // change24h is not described as a fraction in the futures docs; every row of the fixture keeps
  // the documented spot meaning (0.01 = 1%), consistent with lastPr against open24h.
  it('reads change24h as lastPr / open24h - 1 for every ticker', () => {
    const data = JSON.parse(TICKERS).data as Array<Record<string, string>>;
    for (const row of data.filter((r) => r.change24h !== '')) {
      const fromPrices = Number(row.lastPr) / Number(row.open24h) - 1;
      expect(Math.abs(Number(row.change24h) - fromPrices)).toBeLessThan(0.0001);
    }
  });

  it('reads the list loosely: untracked rows need not match the strict schema', () => {
    const doc = JSON.parse(TICKERS);
    doc.data[5].holdingAmount = null; // NVDAUSDT
    expect(Tickers.safeParse(doc.data).success).toBe(true);
    expect(TickerItem.safeParse(doc.data[5]).success).toBe(false);
  });
});

// Every failure must become an outcome the status logic understands (see venue-status.ts).
describe('bitget failures become VenueError outcomes', () => {
  const tracked = [
    instrument(),
    instrument({ symbol: 'ETHUSDT', coin: 'ETH', fundingIntervalHours: 4 }),
  ];
  const snapshotWith = (routes: Record<string, Reply>) =>
    bitget.fetchSnapshot(clientFor({ ...standardRoutes(), ...routes }).client, tracked, {
      now: NOW,
      previous: [],
    });

  it('a code other than 00000 is an api-error carrying code and message', async () => {
    const body = JSON.stringify({
      code: '40019',
      msg: 'Parameter productType cannot be empty',
      requestTime: 1786622400123,
      data: null,
    });
    const error = await venueError(() => snapshotWith({ [`${MARKET}/tickers`]: { body } }));
    expect(error.outcome).toEqual({
      kind: 'api-error',
      detail: '40019 Parameter productType cannot be empty',
    });
  });

  it('a tracked row missing holdingAmount is a schema error naming path and symbol', async () => {
    const doc = JSON.parse(TICKERS);
    expect(doc.data[1].symbol).toBe('ETHUSDT');
    delete doc.data[1].holdingAmount;
    const error = await venueError(() =>
      snapshotWith({ [`${MARKET}/tickers`]: { body: JSON.stringify(doc) } }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect(detailOf(error)).toMatch(/^data\.1\.holdingAmount: /);
    expect(detailOf(error)).toContain('(ETHUSDT)');
  });

  it('a funding-rate list without intervals is a schema error', async () => {
    const doc = JSON.parse(FUND_RATES);
    delete doc.data[0].fundingRateInterval;
    const error = await venueError(() =>
      snapshotWith({ [`${MARKET}/current-fund-rate`]: { body: JSON.stringify(doc) } }),
    );
    expect(error.outcome.kind).toBe('schema');
    expect(detailOf(error)).toMatch(/^data\.0\.fundingRateInterval: /);
  });

  it('a contract without symbolStatus is a schema error', async () => {
    const doc = JSON.parse(CONTRACTS);
    delete doc.data[2].symbolStatus;
    const { client } = clientFor({ [`${MARKET}/contracts`]: { body: JSON.stringify(doc) } });
    const error = await venueError(() => bitget.fetchInstruments(client));
    expect(detailOf(error)).toMatch(/^data\.2\.symbolStatus: /);
  });

  it('malformed JSON is malformed', async () => {
    const error = await venueError(() =>
      snapshotWith({ [`${MARKET}/tickers`]: { body: TICKERS.slice(0, 200) } }),
    );
    expect(error.outcome.kind).toBe('malformed');
  });

  it('HTTP 429 with Retry-After: 2 is an http outcome with the wait', async () => {
    const error = await venueError(() =>
      snapshotWith({
        [`${MARKET}/current-fund-rate`]: {
          body: '{"code":"429","msg":"Too Many Requests"}',
          status: 429,
          headers: { 'Retry-After': '2' },
        },
      }),
    );
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 2 });
  });

  it('HTTP 403 without Retry-After keeps retryAfterSeconds null', async () => {
    const { client } = clientFor({ [`${MARKET}/contracts`]: { body: '', status: 403 } });
    const error = await venueError(() => bitget.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 403, retryAfterSeconds: null });
  });

  it('a fetch that rejects is a network outcome', async () => {
    const client = createVenueClient('bitget', REST, async () => {
      throw new TypeError('fetch failed');
    });
    const error = await venueError(() => bitget.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'network', detail: 'fetch failed' });
  });
});

// ---- live liquidations ----------------------------------------------------------------------

describe('the Bitget liquidation feed', () => {
  const feed = bitget.liquidations;
  if (!feed) throw new Error('bitget has a liquidation feed');
  const tracked = new Map(
    [
      instrument(),
      instrument({ symbol: 'ETHUSDT', coin: 'ETH' }),
      instrument({ symbol: '1000SATSUSDT', coin: 'SATS', lotSize: 1000 }),
    ].map((i) => [i.symbol, i]),
  );
  const push = (data: unknown[]) =>
    JSON.stringify({
      action: 'update',
      arg: { instType: 'usdt-futures', topic: 'liquidation' },
      data,
      ts: 1786622400162,
    });

  it('opens one connection to /v3/ws/public subscribing to every USDT-M liquidation', () => {
    expect(feed.connections([...tracked.values()])).toEqual([
      {
        path: '/v3/ws/public',
        subscribe: [
          '{"op":"subscribe","args":[{"instType":"usdt-futures","topic":"liquidation"}]}',
        ],
      },
    ]);
    expect(feed.connections([])).toEqual([]);
  });

  it('sends the text ping every 25 s, inside the 30 s Bitget allows', () => {
    expect(feed.heartbeat).toEqual({ intervalMs: 25_000, frame: 'ping' });
  });

  it('reads buy as a long liquidated and sell as a short, amount as USD notional', () => {
    const frame = push([
      { symbol: 'BTCUSDT', side: 'buy', price: '89000', amount: '37.722858', ts: '1786622400100' },
      { symbol: 'ETHUSDT', side: 'sell', price: '3000', amount: '6000', ts: '1786622400120' },
    ]);
    expect(feed.parse(frame, tracked)).toEqual([
      { coin: 'BTC', venue: 'bitget', side: 'long', usd: 37.722858, time: 1786622400100 },
      { coin: 'ETH', venue: 'bitget', side: 'short', usd: 6000, time: 1786622400120 },
    ]);
  });

  it('takes the notional as it comes for a lot-sized symbol: USD does not depend on the lot', () => {
    const frame = push([
      { symbol: '1000SATSUSDT', side: 'buy', price: '0.0002', amount: '20000', ts: '1' },
    ]);
    expect(liquidationsFromFrame(frame, tracked)).toEqual([
      { coin: 'SATS', venue: 'bitget', side: 'long', usd: 20_000, time: 1 },
    ]);
  });

  it('skips symbols we do not track, and reads a snapshot push alike', () => {
    const frame = JSON.parse(
      push([{ symbol: 'NVDAUSDT', side: 'buy', price: '180', amount: '900', ts: '1' }]),
    );
    frame.action = 'snapshot';
    expect(feed.parse(JSON.stringify(frame), tracked)).toEqual([]);
  });

  it('answers [] to pong and to the subscription ack', () => {
    expect(feed.parse('pong', tracked)).toEqual([]);
    const ack = {
      event: 'subscribe',
      arg: { instType: 'usdt-futures', topic: 'liquidation' },
      connId: 'a1b2c3',
    };
    expect(feed.parse(JSON.stringify(ack), tracked)).toEqual([]);
  });

  it('an error event is an api-error with its code and message', async () => {
    const refusal = JSON.stringify({ event: 'error', code: 30001, msg: 'channel does not exist' });
    const error = await venueError(() => feed.parse(refusal, tracked));
    expect(error.outcome).toEqual({
      kind: 'api-error',
      detail: 'subscribe refused: 30001 channel does not exist',
    });
  });

  it('a frame that is not JSON is malformed; a push missing amount breaks the schema', async () => {
    expect((await venueError(() => feed.parse('{"action":"upd', tracked))).outcome.kind).toBe(
      'malformed',
    );
    const broken = push([{ symbol: 'BTCUSDT', side: 'buy', price: '89000', ts: '1' }]);
    expect((await venueError(() => feed.parse(broken, tracked))).outcome.kind).toBe('schema');
  });

  it('a side other than buy or sell breaks the schema rather than guessing', async () => {
    const odd = push([{ symbol: 'BTCUSDT', side: 'long', price: '89000', amount: '100', ts: '1' }]);
    expect((await venueError(() => feed.parse(odd, tracked))).outcome.kind).toBe('schema');
  });
});
