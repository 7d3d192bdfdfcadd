// Bybit v5, category=linear. Facts: shared/venue-apis.md §2.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { settlementsToEightHour, toEightHourRate } from '../core/funding';
import type { Instrument, Liquidation, MarketRow, OiPoint } from '../core/market';
import { describeIssue, openEnvelope, type VenueClient, VenueError } from './client';
import { chunk, parseFrame, splitByLength } from './frames';
import { optionalStrNum, strNum } from './numbers';
import { pageBack, pagesFor } from './paging';
import type { LiquidationFeed, TimeRange, Venue } from './venue';

const Envelope = z.object({ retCode: z.number(), retMsg: z.string(), result: z.unknown() });

/** GETs a v5 path and returns its `result`, checked by `schema`; a non-zero retCode is an error. */
async function getResult<T>(client: VenueClient, path: string, schema: z.ZodType<T>): Promise<T> {
  const body = await client.getJson(path, Envelope);
  const error = `${body.retCode} ${body.retMsg}`;
  return openEnvelope(
    { ok: body.retCode === 0, error, field: 'result', payload: body.result },
    schema,
  );
}

const InstrumentItem = z.object({
  symbol: z.string(),
  contractType: z.string(),
  status: z.string(),
  baseCoin: z.string(),
  quoteCoin: z.string(),
  /** Minutes between funding settlements. */
  fundingInterval: z.union([z.number(), strNum]),
});
export const InstrumentsPage = z.object({
  list: z.array(InstrumentItem),
  nextPageCursor: z.string().optional(),
});

/**
 * One element of `/v5/market/tickers` `result.list`, and equally the `data` of a `tickers.*`
 * WebSocket snapshot. Only the fields we use are checked.
 */
export const TickerItem = z.object({
  symbol: z.string(),
  lastPrice: strNum,
  markPrice: strNum,
  price24hPcnt: optionalStrNum,
  // Since 2026-06 `openInterest*` counts both sides; `singleOpenInterest*` is the one-sided
  // figure that every other venue reports, so it is the one we sum.
  singleOpenInterest: strNum,
  singleOpenInterestValue: strNum,
  fundingRate: optionalStrNum,
  fundingIntervalHour: optionalStrNum.optional(),
});
export type TickerItem = z.output<typeof TickerItem>;

// Rows are first read loosely: the list also holds dated futures whose fields differ, and only
// the markets we track must match the strict schema.
export const TickersResult = z.object({
  category: z.literal('linear'),
  list: z.array(z.looseObject({ symbol: z.string() })),
});

const MAX_INSTRUMENT_PAGES = 10;

export function instrumentFromItem(item: z.output<typeof InstrumentItem>): Instrument | null {
  const tradable = item.contractType === 'LinearPerpetual' && item.status === 'Trading';
  if (!tradable || STABLECOINS.has(item.baseCoin)) return null;
  const { coin, lotSize } = parseBaseAsset(item.baseCoin);
  return {
    venue: 'bybit',
    symbol: item.symbol,
    coin,
    lotSize,
    fundingIntervalHours: item.fundingInterval / 60,
  };
}

export function rowFromTicker(ticker: TickerItem, instrument: Instrument, now: number): MarketRow {
  const intervalHours = ticker.fundingIntervalHour ?? instrument.fundingIntervalHours;
  return {
    coin: instrument.coin,
    venue: 'bybit',
    symbol: ticker.symbol,
    priceUsd: ticker.lastPrice / instrument.lotSize,
    change24hPct: ticker.price24hPcnt === null ? null : ticker.price24hPcnt * 100,
    oiCoins: ticker.singleOpenInterest * instrument.lotSize,
    oiUsd: ticker.singleOpenInterestValue,
    oiAt: now,
    fundingRate8h:
      ticker.fundingRate === null || !intervalHours
        ? null
        : toEightHourRate(ticker.fundingRate, intervalHours),
  };
}

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  const instruments: Instrument[] = [];
  let cursor = '';
  for (let page = 0; page < MAX_INSTRUMENT_PAGES; page++) {
    const query = `category=linear&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { list, nextPageCursor } = await getResult(
      client,
      `/v5/market/instruments-info?${query}`,
      InstrumentsPage,
    );
    for (const item of list) {
      const instrument = instrumentFromItem(item);
      if (instrument) instruments.push(instrument);
    }
    if (!nextPageCursor) return instruments;
    cursor = nextPageCursor;
  }
  return instruments;
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
  { now }: { now: number },
): Promise<MarketRow[]> {
  const bySymbol = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  const { list } = await getResult(client, '/v5/market/tickers?category=linear', TickersResult);
  const rows: MarketRow[] = [];
  for (const [index, raw] of list.entries()) {
    const instrument = bySymbol.get(raw.symbol);
    if (!instrument) continue;
    const ticker = TickerItem.safeParse(raw);
    if (!ticker.success) {
      const where = describeIssue(ticker.error, ['result', 'list', index]);
      throw new VenueError({ kind: 'schema', detail: `${where} (${raw.symbol})` });
    }
    rows.push(rowFromTicker(ticker.data, instrument, now));
  }
  return rows;
}

// ---- history ---------------------------------------------------------------------------------

const HOUR = 3_600_000;
const OI_HISTORY_PAGE = 200;

const OiHistoryPage = z.object({
  list: z.array(z.object({ singleOpenInterest: strNum, timestamp: strNum })),
  nextPageCursor: z.string().optional(),
});

/** Mark-price klines: [startTime, open, high, low, close], newest first. */
const MarkKlines = z.object({
  list: z.array(z.tuple([strNum, strNum, strNum, strNum, strNum])),
});

async function fetchOiHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<OiPoint[]> {
  const symbol = encodeURIComponent(instrument.symbol);
  const window = `startTime=${range.from}&endTime=${range.to}`;
  // Open interest history is in coins (lots) only; the hourly mark price turns it into USD.
  const klines = await getResult(
    client,
    `/v5/market/mark-price-kline?category=linear&symbol=${symbol}&interval=60&start=${range.from}&end=${range.to}&limit=1000`,
    MarkKlines,
  );
  const closeByHour = new Map(klines.list.map(([start, , , , close]) => [start, close]));
  const points: OiPoint[] = [];
  let cursor = '';
  for (
    let page = 0;
    page < Math.ceil((range.to - range.from) / HOUR / OI_HISTORY_PAGE) + 1;
    page++
  ) {
    const query = `category=linear&symbol=${symbol}&intervalTime=1h&${window}&limit=${OI_HISTORY_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { list, nextPageCursor } = await getResult(
      client,
      `/v5/market/open-interest?${query}`,
      OiHistoryPage,
    );
    for (const row of list) {
      const lotPrice = closeByHour.get(Math.floor(row.timestamp / HOUR) * HOUR);
      if (lotPrice !== undefined)
        points.push({ time: row.timestamp, oiUsd: row.singleOpenInterest * lotPrice });
    }
    if (!nextPageCursor) break;
    cursor = nextPageCursor;
  }
  return points.sort((a, b) => a.time - b.time);
}

const FUNDING_HISTORY_PAGE = 200;

/** `/v5/market/funding/history` result: newest first. */
export const FundingHistoryPage = z.object({
  list: z.array(
    z.object({ symbol: z.string(), fundingRate: strNum, fundingRateTimestamp: strNum }),
  ),
});

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const symbol = encodeURIComponent(instrument.symbol);
  const rows = await pageBack(
    range,
    { pageSize: FUNDING_HISTORY_PAGE, maxPages: pagesFor(range, FUNDING_HISTORY_PAGE) },
    async (olderThan) =>
      // Both ends are given: startTime alone is refused.
      (
        await getResult(
          client,
          `/v5/market/funding/history?category=linear&symbol=${symbol}&startTime=${range.from}&endTime=${olderThan - 1}&limit=${FUNDING_HISTORY_PAGE}`,
          FundingHistoryPage,
        )
      ).list,
    (row) => row.fundingRateTimestamp,
  );
  const byTime = new Map(rows.map((row) => [row.fundingRateTimestamp, row.fundingRate]));
  return settlementsToEightHour(
    [...byTime].map(([time, rate]) => ({ time, rate })),
    instrument.fundingIntervalHours,
  );
}

// ---- live liquidations ------------------------------------------------------------------------

/** Bybit caps the subscription arguments of one public connection at 21,000 characters. */
const MAX_ARGS_CHARS_PER_CONNECTION = 20_000;
const ARGS_PER_SUBSCRIBE = 200;

const LiquidationPush = z.object({
  topic: z.string().startsWith('allLiquidation.'),
  data: z.array(
    z.object({
      T: z.number(),
      s: z.string(),
      // Position side: Buy means a long position was liquidated (the opposite of Binance's field).
      S: z.enum(['Buy', 'Sell']),
      v: strNum,
      p: strNum,
    }),
  ),
});

const SocketReply = z.union([
  LiquidationPush,
  z.object({ op: z.string(), success: z.boolean().optional(), ret_msg: z.string().optional() }),
]);

export function liquidationsFromFrame(
  text: string,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  const frame = parseFrame(text, SocketReply);
  if (!('topic' in frame)) {
    if (frame.success === false) {
      throw new VenueError({
        kind: 'api-error',
        detail: `${frame.op} refused: ${frame.ret_msg ?? ''}`,
      });
    }
    return [];
  }
  return frame.data.flatMap((event) => {
    const instrument = bySymbol.get(event.s);
    if (!instrument) return [];
    return [
      {
        coin: instrument.coin,
        venue: 'bybit' as const,
        side: event.S === 'Buy' ? ('long' as const) : ('short' as const),
        // Size in lots times the (bankruptcy) price per lot: the notional is lot-independent.
        usd: event.v * event.p,
        time: event.T,
      },
    ];
  });
}

const liquidations: LiquidationFeed = {
  connections(instruments) {
    const topics = instruments.map((instrument) => `allLiquidation.${instrument.symbol}`);
    return splitByLength(topics, MAX_ARGS_CHARS_PER_CONNECTION).map((group) => ({
      path: '/v5/public/linear',
      subscribe: chunk(group, ARGS_PER_SUBSCRIBE).map((args) =>
        JSON.stringify({ op: 'subscribe', args }),
      ),
    }));
  },
  heartbeat: { intervalMs: 20_000, frame: JSON.stringify({ op: 'ping' }) },
  parse: liquidationsFromFrame,
};

export const bybit: Venue = {
  id: 'bybit',
  hosts: { rest: 'https://api.bybit.com', ws: 'wss://stream.bybit.com' },
  rateLimit: {
    budget: 600,
    windowMs: 5_000,
    unit: 'requests',
    source: 'Bybit: 600 requests per 5 s per IP',
  },
  oiOneSidedVerified: true,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: () => 1,
  fetchOiHistory,
  fetchFundingHistory,
  liquidations,
};
