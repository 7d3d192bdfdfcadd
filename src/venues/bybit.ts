// Bybit v5, category=linear. Facts: shared/venue-apis.md §2.
import { z } from 'zod';
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { toEightHourRate } from '../core/funding';
import type { Instrument, MarketRow } from '../core/market';
import { describeIssue, type VenueClient, VenueError } from './client';
import { optionalStrNum, strNum } from './numbers';
import type { Venue } from './venue';

const Envelope = z.object({ retCode: z.number(), retMsg: z.string(), result: z.unknown() });

/** GETs a v5 path and returns its `result`, checked by `schema`; a non-zero retCode is an error. */
async function getResult<T>(client: VenueClient, path: string, schema: z.ZodType<T>): Promise<T> {
  const body = await client.getJson(path, Envelope);
  if (body.retCode !== 0) {
    throw new VenueError({ kind: 'api-error', detail: `${body.retCode} ${body.retMsg}` });
  }
  const result = schema.safeParse(body.result);
  if (!result.success)
    throw new VenueError({ kind: 'schema', detail: describeIssue(result.error, ['result']) });
  return result.data;
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

export function rowFromTicker(ticker: TickerItem, instrument: Instrument): MarketRow {
  const intervalHours = ticker.fundingIntervalHour ?? instrument.fundingIntervalHours;
  return {
    coin: instrument.coin,
    venue: 'bybit',
    symbol: ticker.symbol,
    priceUsd: ticker.lastPrice / instrument.lotSize,
    change24hPct: ticker.price24hPcnt === null ? null : ticker.price24hPcnt * 100,
    oiUsd: ticker.singleOpenInterestValue,
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
    rows.push(rowFromTicker(ticker.data, instrument));
  }
  return rows;
}

export const bybit: Venue = {
  id: 'bybit',
  hosts: { rest: 'https://api.bybit.com', ws: 'wss://stream.bybit.com' },
  fetchInstruments,
  fetchSnapshot,
};
