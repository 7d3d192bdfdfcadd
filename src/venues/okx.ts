// OKX v5, instType=SWAP: linear (USDT-, USDC- and USD-margined) perpetual swaps.
// Facts: shared/venue-apis.md §3 and §12.
//
// Inverse swaps (`BTC-USD-SWAP`, one contract = ctVal USD) are left out on purpose. Their snapshot
// would normalise fine (open-interest gives oiCcy and oiUsd), but a liquidation's USD is
// sz × ctVal, and an `Instrument` can only carry coins per contract (`lotSize`), which an inverse
// contract does not have: it would take a USD-per-contract field on `Instrument` to count them.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { STABLECOINS } from '../core/coins';
import { settlementsToEightHour, toEightHourRate } from '../core/funding';
import type { Instrument, LiquidatedSide, Liquidation, MarketRow, OiPoint } from '../core/market';
import { describeIssue, openEnvelope, type VenueClient, VenueError } from './client';
import { parseFrame } from './frames';
import { optionalStrNum, strNum } from './numbers';
import { pageBack, pagesFor } from './paging';
import type { LiquidationFeed, TimeRange, Venue } from './venue';

const HOUR = 3_600_000;
/** OKX's usual settlement interval, for a swap missing from the funding-rate answer. */
const DEFAULT_FUNDING_INTERVAL_HOURS = 8;
/** `instCategory` of crypto instruments; stocks, commodities, forex and bonds have others. */
const CRYPTO_CATEGORY = '1';

const Envelope = z.object({ code: z.string(), msg: z.string(), data: z.unknown() });

/** GETs a v5 path and returns its `data`, checked by `schema`; a code other than "0" is an error. */
async function getData<T>(client: VenueClient, path: string, schema: z.ZodType<T>): Promise<T> {
  const body = await client.getJson(path, Envelope);
  const error = `${body.code} ${body.msg}`;
  return openEnvelope({ ok: body.code === '0', error, field: 'data', payload: body.data }, schema);
}

// Lists are first read loosely: they hold markets we do not track (inverse swaps, stock perps)
// whose fields may differ, and only the rows we track must match the strict schemas below.
const LooseRows = z.array(z.looseObject({ instId: z.string() }));
type LooseRow = z.output<typeof LooseRows>[number];

/** Checks one tracked row strictly; the error names the endpoint, the path and the instrument. */
function strictRow<T>(schema: z.ZodType<T>, row: LooseRow, index: number, endpoint: string): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    const where = describeIssue(parsed.error, ['data', index]);
    throw new VenueError({ kind: 'schema', detail: `${endpoint} ${where} (${row.instId})` });
  }
  return parsed.data;
}

/** The tracked rows of a loosely read list, each checked strictly, keyed by instId. */
function trackedRows<T>(
  rows: readonly LooseRow[],
  tracked: ReadonlyMap<string, Instrument>,
  schema: z.ZodType<T>,
  endpoint: string,
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const [index, row] of rows.entries()) {
    if (tracked.has(row.instId)) byId.set(row.instId, strictRow(schema, row, index, endpoint));
  }
  return byId;
}

// ---- instruments ------------------------------------------------------------------------------

export const InstrumentItem = z.object({
  instId: z.string(),
  /** `live`; or `preopen`, `suspend`, `expired`, `test`. */
  state: z.string(),
  /** `linear` or `inverse`. */
  ctType: z.string(),
  ctVal: optionalStrNum,
  ctMult: optionalStrNum,
  /** The coin one contract is denominated in, for linear swaps (`USD` for inverse ones). */
  ctValCcy: z.string(),
  /** Absent from older answers, which listed crypto only. */
  instCategory: z.string().optional(),
});
export type InstrumentItem = z.output<typeof InstrumentItem>;

/** One element of `/api/v5/public/funding-rate` `data`. */
export const FundingItem = z.object({
  instId: z.string(),
  fundingRate: optionalStrNum,
  /** The next settlement, ms. */
  fundingTime: strNum,
  /** The settlement after it, ms: the gap is the interval (OKX uses 1h to 8h). */
  nextFundingTime: strNum,
});
export type FundingItem = z.output<typeof FundingItem>;

/** Hours between two settlements, or null when the times do not describe an interval. */
export function fundingIntervalHours(item: Pick<FundingItem, 'fundingTime' | 'nextFundingTime'>) {
  const hours = (item.nextFundingTime - item.fundingTime) / HOUR;
  return hours > 0 ? hours : null;
}

export function instrumentFromItem(
  item: InstrumentItem,
  intervalHours: number = DEFAULT_FUNDING_INTERVAL_HOURS,
): Instrument | null {
  const crypto =
    item.instCategory === undefined ||
    item.instCategory === '' ||
    item.instCategory === CRYPTO_CATEGORY;
  const coin = item.ctValCcy.toUpperCase();
  if (item.state !== 'live' || item.ctType !== 'linear' || !crypto || STABLECOINS.has(coin)) {
    return null;
  }
  if (item.ctVal === null || item.ctMult === null || !(item.ctVal * item.ctMult > 0)) return null;
  // OKX lists low-priced coins under their plain name with a large ctVal (PEPE: ctVal 10,000,000),
  // never as `1000PEPE`, so ctValCcy is the coin and ctVal × ctMult its coins per contract.
  return {
    venue: 'okx',
    symbol: item.instId,
    coin,
    lotSize: item.ctVal * item.ctMult,
    fundingIntervalHours: intervalHours,
  };
}

const INSTRUMENTS_PATH = '/api/v5/public/instruments?instType=SWAP';
// `instId=ANY` returns every swap in one answer (late-2025 docs).
const FUNDING_PATH = '/api/v5/public/funding-rate?instId=ANY';

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  // The instruments carry no funding interval; the funding-rate answer does.
  const [items, fundingRows] = await Promise.all([
    getData(client, INSTRUMENTS_PATH, z.array(InstrumentItem)),
    getData(client, FUNDING_PATH, LooseRows),
  ]);
  const intervals = new Map<string, number>();
  for (const row of fundingRows) {
    const funding = FundingItem.safeParse(row);
    const hours = funding.success ? fundingIntervalHours(funding.data) : null;
    if (hours !== null) intervals.set(row.instId, hours);
  }
  return items.flatMap((item) => instrumentFromItem(item, intervals.get(item.instId)) ?? []);
}

// ---- snapshot ---------------------------------------------------------------------------------

/** One element of `/api/v5/public/open-interest` `data`. */
export const OpenInterestItem = z.object({
  instId: z.string(),
  /** Contracts. */
  oi: strNum,
  /** Coins: what the contracts stand for. */
  oiCcy: strNum,
  oiUsd: strNum,
  ts: strNum,
});
export type OpenInterestItem = z.output<typeof OpenInterestItem>;

/** One element of `/api/v5/market/tickers` `data`. Only the fields we use are checked. */
export const TickerItem = z.object({
  instId: z.string(),
  last: strNum,
  /** The price 24 hours ago; "0" for a market younger than that. */
  open24h: strNum,
});
export type TickerItem = z.output<typeof TickerItem>;

export interface SnapshotParts {
  ticker: TickerItem;
  openInterest: OpenInterestItem | undefined;
  funding: FundingItem | undefined;
}

function change24hPct({ last, open24h }: TickerItem): number | null {
  return open24h > 0 ? (last / open24h - 1) * 100 : null;
}

function fundingRate8h(funding: FundingItem | undefined, instrument: Instrument): number | null {
  if (!funding || funding.fundingRate === null) return null;
  const hours = fundingIntervalHours(funding) ?? instrument.fundingIntervalHours;
  return toEightHourRate(funding.fundingRate, hours);
}

export function rowFromParts(parts: SnapshotParts, instrument: Instrument): MarketRow {
  const { ticker, openInterest } = parts;
  return {
    coin: instrument.coin,
    venue: 'okx',
    symbol: ticker.instId,
    priceUsd: ticker.last,
    change24hPct: change24hPct(ticker),
    // One-sided, per the venue (shared/venue-apis.md §12); oiCcy and oiUsd spare us ctVal.
    oiCoins: openInterest ? openInterest.oiCcy : null,
    oiUsd: openInterest ? openInterest.oiUsd : null,
    oiAt: openInterest ? openInterest.ts : null,
    fundingRate8h: fundingRate8h(parts.funding, instrument),
  };
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
): Promise<MarketRow[]> {
  const tracked = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  const [oiRows, tickerRows, fundingRows] = await Promise.all([
    getData(client, '/api/v5/public/open-interest?instType=SWAP', LooseRows),
    getData(client, '/api/v5/market/tickers?instType=SWAP', LooseRows),
    getData(client, FUNDING_PATH, LooseRows),
  ]);
  const openInterest = trackedRows(oiRows, tracked, OpenInterestItem, 'open-interest');
  const funding = trackedRows(fundingRows, tracked, FundingItem, 'funding-rate');
  const tickers = trackedRows(tickerRows, tracked, TickerItem, 'tickers');
  // A market without a ticker has no price to show, so the tickers decide which rows exist.
  return instruments.flatMap((instrument) => {
    const ticker = tickers.get(instrument.symbol);
    if (!ticker) return [];
    const parts = {
      ticker,
      openInterest: openInterest.get(instrument.symbol),
      funding: funding.get(instrument.symbol),
    };
    return [rowFromParts(parts, instrument)];
  });
}

// ---- history ----------------------------------------------------------------------------------

const OI_HISTORY_PAGE = 100;

/** Rubik rows are arrays `[ts, oi (contracts), oiCcy (coins), oiUsd]`, newest first. */
export const OiHistoryRows = z.array(z.tuple([strNum, strNum, strNum, strNum]));

async function fetchOiHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<OiPoint[]> {
  const instId = encodeURIComponent(instrument.symbol);
  const rows = await pageBack(
    range,
    { pageSize: OI_HISTORY_PAGE, maxPages: pagesFor(range, OI_HISTORY_PAGE) },
    // Whether `end` is inclusive is not documented, so ask for rows up to just before the bound.
    (olderThan) =>
      getData(
        client,
        `/api/v5/rubik/stat/contracts/open-interest-history?instId=${instId}&period=1H&begin=${range.from}&end=${olderThan - 1}&limit=${OI_HISTORY_PAGE}`,
        OiHistoryRows,
      ),
    ([time]) => time,
  );
  const byTime = new Map(rows.map(([time, , , oiUsd]) => [time, oiUsd]));
  return [...byTime].map(([time, oiUsd]) => ({ time, oiUsd })).sort((a, b) => a.time - b.time);
}

const FUNDING_HISTORY_PAGE = 100;

/** `/api/v5/public/funding-rate-history` rows, newest first; `realizedRate` is what was paid. */
export const FundingHistoryRows = z.array(
  z.object({ instId: z.string(), realizedRate: strNum, fundingTime: strNum }),
);

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const instId = encodeURIComponent(instrument.symbol);
  const rows = await pageBack(
    range,
    { pageSize: FUNDING_HISTORY_PAGE, maxPages: pagesFor(range, FUNDING_HISTORY_PAGE) },
    // `after` asks for rows older than the time given.
    (olderThan) =>
      getData(
        client,
        `/api/v5/public/funding-rate-history?instId=${instId}&after=${olderThan}&limit=${FUNDING_HISTORY_PAGE}`,
        FundingHistoryRows,
      ),
    (row) => row.fundingTime,
  );
  const byTime = new Map(rows.map((row) => [row.fundingTime, row.realizedRate]));
  return settlementsToEightHour(
    [...byTime].map(([time, rate]) => ({ time, rate })),
    instrument.fundingIntervalHours,
  );
}

// ---- live liquidations ------------------------------------------------------------------------

const LiquidationDetail = z.object({
  /** The liquidation ORDER's side (not the position's). */
  side: z.enum(['buy', 'sell']),
  /** Bankruptcy price per coin. */
  bkPx: strNum,
  /** Contracts. */
  sz: strNum,
  ts: strNum,
});

export const LiquidationData = z.array(
  z.object({ instId: z.string(), details: z.array(LiquidationDetail) }),
);

// Replies carry `event` (subscribe acks, errors, notices); pushes carry `arg` and `data`.
const SocketFrame = z.union([
  z.object({ event: z.string(), code: z.string().optional(), msg: z.string().optional() }),
  z.object({ arg: z.object({ channel: z.literal('liquidation-orders') }), data: z.unknown() }),
]);

/** The position a liquidation order closed: selling closes, so liquidates, a long. */
export const liquidatedSide = (orderSide: 'buy' | 'sell'): LiquidatedSide =>
  orderSide === 'sell' ? 'long' : 'short';

/** The text OKX answers its text heartbeat `ping` with; it is not JSON. */
const PONG = 'pong';

export function liquidationsFromFrame(
  text: string,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  if (text === PONG) return [];
  const frame = parseFrame(text, SocketFrame);
  if ('event' in frame) {
    if (frame.event === 'error') {
      throw new VenueError({ kind: 'api-error', detail: `${frame.code ?? ''} ${frame.msg ?? ''}` });
    }
    return [];
  }
  const data = LiquidationData.safeParse(frame.data);
  if (!data.success)
    throw new VenueError({
      kind: 'schema',
      detail: `frame ${describeIssue(data.error, ['data'])}`,
    });
  return data.data.flatMap(({ instId, details }) => {
    const instrument = bySymbol.get(instId);
    if (!instrument) return [];
    return details.map(
      (detail): Liquidation => ({
        coin: instrument.coin,
        venue: 'okx',
        side: liquidatedSide(detail.side),
        // Contracts × coins per contract × bankruptcy price (close to, not exactly, the fill).
        usd: detail.sz * instrument.lotSize * detail.bkPx,
        time: detail.ts,
      }),
    );
  });
}

const liquidations: LiquidationFeed = {
  // One subscription covers every swap; OKX sends at most one order per contract per second.
  connections: (instruments) =>
    instruments.length === 0
      ? []
      : [
          {
            path: '/ws/v5/public',
            subscribe: [
              JSON.stringify({
                op: 'subscribe',
                args: [{ channel: 'liquidation-orders', instType: 'SWAP' }],
              }),
            ],
          },
        ],
  // OKX closes a connection that carried nothing for 30 s; the text `ping` keeps it open.
  heartbeat: { intervalMs: 20_000, frame: 'ping' },
  parse: liquidationsFromFrame,
};

export const okx: Venue = {
  id: 'okx',
  hosts: { rest: 'https://www.okx.com', ws: 'wss://ws.okx.com:8443' },
  rateLimit: {
    budget: 10,
    windowMs: 2_000,
    unit: 'requests',
    source:
      'OKX: funding-rate, the strictest endpoint of a poll, allows 10 requests per 2 s per IP',
  },
  oiOneSidedVerified: true,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: () => 3,
  fetchOiHistory,
  fetchFundingHistory,
  liquidations,
};
