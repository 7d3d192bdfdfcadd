// Binance USDⓈ-M futures (fapi). Facts: shared/venue-apis.md §1 and §12.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { settlementsToEightHour, toEightHourRate } from '../core/funding';
import type { Instrument, Liquidation, MarketRow, OiPoint } from '../core/market';
import { describeIssue, type VenueClient, VenueError } from './client';
import { chunk, parseFrame } from './frames';
import { optionalStrNum, strNum } from './numbers';
import type { LiquidationFeed, TimeRange, Venue } from './venue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---- instrument metadata ----------------------------------------------------------------------

/** One element of `/fapi/v1/exchangeInfo` `symbols`; only the fields we use are checked. */
export const ExchangeSymbol = z.object({
  symbol: z.string(),
  contractType: z.string(),
  status: z.string(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  // Required on purpose: the filter below depends on it, so its disappearance must be loud.
  underlyingType: z.string(),
});
export type ExchangeSymbol = z.output<typeof ExchangeSymbol>;

const ExchangeInfo = z.object({ symbols: z.array(ExchangeSymbol) });

/** `/fapi/v1/fundingInfo`: only the symbols whose cap, floor or interval differ from the default. */
const FundingInfo = z.array(
  z.object({
    symbol: z.string(),
    // A JSON number in the docs; accepted as a string too, as Binance sends most numbers.
    fundingIntervalHours: z.union([z.number(), strNum]),
  }),
);

const DEFAULT_FUNDING_INTERVAL_HOURS = 8;
const QUOTES: ReadonlySet<string> = new Set(['USDT', 'USDC']);

/**
 * A coin perpetual we sum, or null. exchangeInfo mixes in what is not a coin's leverage:
 * quarterlies (`contractType` CURRENT_QUARTER / NEXT_QUARTER), TradFi perpetuals on stocks and
 * metals (`contractType` TRADIFI_PERPETUAL with `underlyingType` EQUITY, COMMODITY, PREMARKET…),
 * composite indices such as BTCDOMUSDT (PERPETUAL but `underlyingType` INDEX), markets that are
 * not open (PENDING_TRADING, SETTLING, CLOSE) and stablecoin pairs such as USDCUSDT.
 */
export function instrumentFromSymbol(
  item: ExchangeSymbol,
  intervalHours: ReadonlyMap<string, number>,
): Instrument | null {
  const coinPerpetual =
    item.contractType === 'PERPETUAL' &&
    item.status === 'TRADING' &&
    item.underlyingType === 'COIN' &&
    QUOTES.has(item.quoteAsset);
  if (!coinPerpetual || STABLECOINS.has(item.baseAsset)) return null;
  const { coin, lotSize } = parseBaseAsset(item.baseAsset);
  return {
    venue: 'binance',
    symbol: item.symbol,
    coin,
    lotSize,
    fundingIntervalHours: intervalHours.get(item.symbol) ?? DEFAULT_FUNDING_INTERVAL_HOURS,
  };
}

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  const [info, funding] = await Promise.all([
    client.getJson('/fapi/v1/exchangeInfo', ExchangeInfo),
    client.getJson('/fapi/v1/fundingInfo', FundingInfo),
  ]);
  const intervals = new Map(funding.map((row) => [row.symbol, row.fundingIntervalHours]));
  return info.symbols.flatMap((item) => instrumentFromSymbol(item, intervals) ?? []);
}

// ---- snapshot ---------------------------------------------------------------------------------

/** One element of `/fapi/v1/premiumIndex` asked without `symbol` (the list is read by symbol). */
export const PremiumIndexItem = z.object({
  markPrice: strNum,
  // "" on quarterlies, which have no funding.
  lastFundingRate: optionalStrNum,
});
export type PremiumIndexItem = z.output<typeof PremiumIndexItem>;

/** One element of `/fapi/v1/ticker/24hr` asked without `symbol`. */
export const TickerItem = z.object({
  lastPrice: strNum,
  /** Already a percent: "-1.200" is −1.2%. */
  priceChangePercent: strNum,
});
export type TickerItem = z.output<typeof TickerItem>;

// The bulk lists are read loosely: they also hold quarterlies, TradFi and index markets whose
// fields may differ, and only the markets we track must match the strict schema.
const LooseList = z.array(z.looseObject({ symbol: z.string() }));

const OpenInterestAnswer = z.object({ openInterest: strNum });

/** Open interest of one market, in coins, and when it was measured. */
export interface OiReading {
  coins: number;
  at: number;
}

const SWEEP_PARTS = 5;
/** Enough parallel requests to finish a sweep in a few seconds, few enough to stop soon on a 429. */
const OI_REQUESTS_AT_ONCE = 10;
const PREMIUM_INDEX_WEIGHT = 10;
const TICKER_WEIGHT = 40;

const bySymbolOrder = (a: Instrument, b: Instrument) =>
  a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;

/**
 * The instruments whose open interest this poll asks for. Binance has no bulk open-interest
 * endpoint, so each minute takes every fifth market (by symbol), a different fifth each minute:
 * about a fifth of the weight of a full sweep, every market refreshed within five minutes of
 * polls a minute apart. (Polls a multiple of five minutes apart would repeat one fifth; oiAt
 * shows the age either way.) Markets without a figure yet (a first poll, a new listing) are
 * always asked, so that no total is ever summed from a fifth of the markets, and so are the
 * largest markets (`everyPoll`, by last known OI), which hold most of the OI: in a flush their
 * figures are a minute old, not five.
 */
export function sweepDue(
  instruments: readonly Instrument[],
  now: number,
  known: ReadonlySet<string> = new Set(),
  everyPoll: ReadonlySet<string> = new Set(),
): Instrument[] {
  const part = Math.floor(now / MINUTE) % SWEEP_PARTS;
  return [...instruments]
    .sort(bySymbolOrder)
    .filter(
      (instrument, index) =>
        index % SWEEP_PARTS === part ||
        !known.has(instrument.symbol) ||
        everyPoll.has(instrument.symbol),
    );
}

/** How many of the largest markets are swept on every poll. */
export const LARGEST_SWEPT_EVERY_POLL = 20;

/** The symbols with the most open interest at the last poll. */
function largestMarkets(previous: readonly MarketRow[]): Set<string> {
  return new Set(
    previous
      .filter((row) => row.oiUsd !== null)
      .sort((a, b) => (b.oiUsd ?? 0) - (a.oiUsd ?? 0))
      .slice(0, LARGEST_SWEPT_EVERY_POLL)
      .map((row) => row.symbol),
  );
}

/** Fresh open interest where this poll swept it, else the previous poll's, else unknown. */
export function currentOi(
  instrument: Instrument,
  sweptLots: number | undefined,
  previous: MarketRow | undefined,
  now: number,
): OiReading | null {
  // The poll's own clock, not Binance's `time`: every time in a snapshot stays on one clock.
  if (sweptLots !== undefined) return { coins: sweptLots * instrument.lotSize, at: now };
  if (previous?.oiCoins != null && previous.oiAt != null) {
    return { coins: previous.oiCoins, at: previous.oiAt };
  }
  return null;
}

export function rowFromBinance(
  instrument: Instrument,
  premium: PremiumIndexItem,
  ticker: TickerItem,
  oi: OiReading | null,
): MarketRow {
  return {
    coin: instrument.coin,
    venue: 'binance',
    symbol: instrument.symbol,
    priceUsd: ticker.lastPrice / instrument.lotSize,
    change24hPct: ticker.priceChangePercent,
    oiCoins: oi?.coins ?? null,
    // Carried-over coins are re-priced at this poll's mark, so a move in price shows at once.
    oiUsd: oi === null ? null : oi.coins * (premium.markPrice / instrument.lotSize),
    oiAt: oi?.at ?? null,
    fundingRate8h:
      premium.lastFundingRate === null
        ? null
        : toEightHourRate(premium.lastFundingRate, instrument.fundingIntervalHours),
  };
}

/** The tracked rows of a bulk list, each checked by `schema`, by symbol. */
function trackedRows<T>(
  list: z.output<typeof LooseList>,
  schema: z.ZodType<T>,
  tracked: ReadonlyMap<string, Instrument>,
  path: string,
): Map<string, T> {
  const rows = new Map<string, T>();
  for (const [index, raw] of list.entries()) {
    if (!tracked.has(raw.symbol)) continue;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const where = describeIssue(parsed.error, [index]);
      throw new VenueError({ kind: 'schema', detail: `${path} ${where} (${raw.symbol})` });
    }
    rows.set(raw.symbol, parsed.data);
  }
  return rows;
}

/** Open interest of one market in lots; null where Binance no longer knows the symbol. */
async function openInterestLots(client: VenueClient, symbol: string): Promise<number | null> {
  try {
    const answer = await client.getJson(
      `/fapi/v1/openInterest?symbol=${encodeURIComponent(symbol)}`,
      OpenInterestAnswer,
    );
    return answer.openInterest;
  } catch (error) {
    // 400 ("-1121 Invalid symbol") concerns one market, delisted since the instruments were
    // cached: it keeps its carried figure. Any other failure (429, 418, 5xx) ends the poll.
    const unknownSymbol =
      error instanceof VenueError && error.outcome.kind === 'http' && error.outcome.status === 400;
    if (unknownSymbol) return null;
    throw error;
  }
}

async function sweepOpenInterest(
  client: VenueClient,
  due: readonly Instrument[],
): Promise<Map<string, number>> {
  const lots = new Map<string, number>();
  for (const group of chunk(due, OI_REQUESTS_AT_ONCE)) {
    const answers = await Promise.all(
      group.map(async ({ symbol }) => [symbol, await openInterestLots(client, symbol)] as const),
    );
    for (const [symbol, answer] of answers) if (answer !== null) lots.set(symbol, answer);
  }
  return lots;
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
  { now, previous }: { now: number; previous: readonly MarketRow[] },
): Promise<MarketRow[]> {
  const tracked = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  const [premiumList, tickerList] = await Promise.all([
    client.getJson('/fapi/v1/premiumIndex', LooseList),
    client.getJson('/fapi/v1/ticker/24hr', LooseList),
  ]);
  const premiums = trackedRows(premiumList, PremiumIndexItem, tracked, 'premiumIndex');
  const tickers = trackedRows(tickerList, TickerItem, tracked, 'ticker/24hr');
  const listed = (instrument: Instrument) =>
    premiums.has(instrument.symbol) && tickers.has(instrument.symbol);
  const before = new Map(previous.map((row) => [row.symbol, row]));
  const known = new Set(previous.filter((row) => row.oiCoins !== null).map((row) => row.symbol));
  const due = sweepDue(instruments, now, known, largestMarkets(previous));
  const swept = await sweepOpenInterest(client, due.filter(listed));
  return instruments.flatMap((instrument) => {
    const { symbol } = instrument;
    const premium = premiums.get(symbol);
    const ticker = tickers.get(symbol);
    if (!premium || !ticker) return [];
    const oi = currentOi(instrument, swept.get(symbol), before.get(symbol), now);
    return [rowFromBinance(instrument, premium, ticker, oi)];
  });
}

// ---- history ----------------------------------------------------------------------------------

/** One row of `/futures/data/openInterestHist`. */
const OiHistoryRow = z.object({
  sumOpenInterestValue: strNum,
  /** In coins, as CoinMarketCap counts them; absent from the docs' example, present live. */
  CMCCirculatingSupply: optionalStrNum.optional(),
  // The docs show a string, live answers send a number.
  timestamp: z.union([z.number(), strNum]),
});
export type OiHistoryRow = z.output<typeof OiHistoryRow>;
export const OiHistoryAnswer = z.array(OiHistoryRow);

const OI_HISTORY_LIMIT = 500;
/** Binance serves the last 30 days and refuses an older startTime; an hour spare for clock skew. */
const OI_HISTORY_SERVED_MS = 30 * DAY - HOUR;

const oiHistoryPath = (instrument: Instrument, query: string) =>
  `/futures/data/openInterestHist?symbol=${encodeURIComponent(instrument.symbol)}&period=1h&${query}`;

function oiPointsFromRows(rows: readonly OiHistoryRow[]): OiPoint[] {
  const byTime = new Map(rows.map((row) => [row.timestamp, row.sumOpenInterestValue]));
  return [...byTime].map(([time, oiUsd]) => ({ time, oiUsd })).sort((a, b) => a.time - b.time);
}

async function fetchOiHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<OiPoint[]> {
  const from = Math.max(range.from, range.to - OI_HISTORY_SERVED_MS);
  const rows: OiHistoryRow[] = [];
  // At most 500 hourly rows per call: two calls cover the 30 days served.
  for (let start = from; start <= range.to; start += OI_HISTORY_LIMIT * HOUR) {
    const end = Math.min(range.to, start + OI_HISTORY_LIMIT * HOUR - 1);
    const query = `limit=${OI_HISTORY_LIMIT}&startTime=${start}&endTime=${end}`;
    rows.push(...(await client.getJson(oiHistoryPath(instrument, query), OiHistoryAnswer)));
  }
  return oiPointsFromRows(rows);
}

/** The latest known circulating supply in the rows, in coins; null where none is (or it is 0). */
export function circulatingSupplyFromRows(rows: readonly OiHistoryRow[]): number | null {
  const known = rows.filter((row) => (row.CMCCirculatingSupply ?? 0) > 0);
  const latest = known.sort((a, b) => b.timestamp - a.timestamp)[0];
  return latest?.CMCCirculatingSupply ?? null;
}

/**
 * The coin's circulating supply, which Binance reports (from CoinMarketCap) with its open
 * interest history: one request from the `futures/data` pool (1000 per 5 minutes, no weight).
 * Lives outside the Venue interface, which has no place for it; see DESIGN.md "OI as a share of
 * market cap".
 */
export async function fetchCirculatingSupply(
  client: VenueClient,
  instrument: Instrument,
): Promise<number | null> {
  const rows = await client.getJson(oiHistoryPath(instrument, 'limit=1'), OiHistoryAnswer);
  return circulatingSupplyFromRows(rows);
}

/** One row of `/fapi/v1/fundingRate` (ascending). `markPrice` is "" on old rows: not read. */
const FundingRateRow = z.object({
  symbol: z.string(),
  fundingRate: strNum,
  fundingTime: z.number(),
});
export const FundingRateAnswer = z.array(FundingRateRow);
/** The documented maximum: 30 days of hourly settlements (720) fit in one call. */
const FUNDING_HISTORY_LIMIT = 1000;

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const symbol = encodeURIComponent(instrument.symbol);
  const rows = await client.getJson(
    `/fapi/v1/fundingRate?symbol=${symbol}&startTime=${range.from}&endTime=${range.to}&limit=${FUNDING_HISTORY_LIMIT}`,
    FundingRateAnswer,
  );
  return settlementsToEightHour(
    rows.map((row) => ({ time: row.fundingTime, rate: row.fundingRate })),
    instrument.fundingIntervalHours,
  );
}

// ---- live liquidations ------------------------------------------------------------------------

const ForceOrder = z.object({
  e: z.literal('forceOrder'),
  o: z.object({
    s: z.string(),
    // The side of the liquidation order: SELL closes a long, BUY closes a short.
    S: z.enum(['BUY', 'SELL']),
    q: strNum,
    p: strNum,
    ap: strNum.optional(),
    z: strNum.optional(),
    T: z.number(),
  }),
});
type ForceOrder = z.output<typeof ForceOrder>;

/**
 * What a frame is, before what it says: a single union would only report "Invalid input" for a
 * broken event, where the status line should name the field.
 */
const FrameEnvelope = z.looseObject({
  // Answers to LIST_SUBSCRIPTIONS (a list) and SUBSCRIBE (null) carry the request's id.
  id: z.union([z.number(), z.string(), z.null()]).optional(),
  error: z.object({ code: z.number(), msg: z.string() }).optional(),
  // A combined-stream connection (`/market/stream?streams=…`) wraps each event.
  data: z.unknown().optional(),
});

function liquidationFromEvent(
  { o: order }: ForceOrder,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  const instrument = bySymbol.get(order.s);
  if (!instrument) return [];
  // Filled lots × average fill price per lot is the notional; an order not (yet) reported as
  // filled falls back to its quantity × order price.
  const filled = (order.z ?? 0) * (order.ap ?? 0);
  return [
    {
      coin: instrument.coin,
      venue: 'binance',
      side: order.S === 'SELL' ? 'long' : 'short',
      usd: filled > 0 ? filled : order.q * order.p,
      time: order.T,
    },
  ];
}

export function liquidationsFromFrame(
  text: string,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  const frame = parseFrame(text, FrameEnvelope);
  if (frame.error) {
    throw new VenueError({
      kind: 'api-error',
      detail: `${frame.error.code} ${frame.error.msg}`,
    });
  }
  // Events never carry an id.
  if (frame.id !== undefined) return [];
  const wrapped = frame.data !== undefined;
  const event = ForceOrder.safeParse(wrapped ? frame.data : frame);
  if (!event.success) {
    const detail = describeIssue(event.error, wrapped ? ['data'] : []);
    throw new VenueError({ kind: 'schema', detail: `frame ${detail}` });
  }
  return liquidationFromEvent(event.data, bySymbol);
}

const FORCE_ORDER_PATH = '/market/ws/!forceOrder@arr';

const liquidations: LiquidationFeed = {
  // One all-market stream hears every symbol; the raw stream path needs no SUBSCRIBE.
  connections: (instruments) =>
    instruments.length === 0 ? [] : [{ path: FORCE_ORDER_PATH, subscribe: [] }],
  // Binance pings and browsers answer, but an MV3 worker sleeps after ~30 s without traffic of
  // its own; a cheap request every 20 s keeps it awake. The id must be an unsigned integer.
  heartbeat: {
    intervalMs: 20_000,
    frame: JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 1 }),
  },
  parse: liquidationsFromFrame,
};

export const binance: Venue = {
  id: 'binance',
  hosts: { rest: 'https://fapi.binance.com', ws: 'wss://fstream.binance.com' },
  rateLimit: {
    budget: 2400,
    windowMs: MINUTE,
    unit: 'weight',
    source: 'Binance USDⓈ-M: REQUEST_WEIGHT 2400 per minute per IP (exchangeInfo rateLimits)',
  },
  oiOneSidedVerified: true,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: (instruments) =>
    PREMIUM_INDEX_WEIGHT +
    TICKER_WEIGHT +
    Math.min(instruments.length, LARGEST_SWEPT_EVERY_POLL) +
    Math.ceil(Math.max(0, instruments.length - LARGEST_SWEPT_EVERY_POLL) / SWEEP_PARTS),
  requestCost: (path) => {
    if (path.startsWith('/fapi/v1/premiumIndex')) return PREMIUM_INDEX_WEIGHT;
    if (path.startsWith('/fapi/v1/ticker/24hr')) return TICKER_WEIGHT;
    // futures/data (history), fundingInfo and fundingRate draw on separate pools, not
    // REQUEST_WEIGHT.
    if (
      path.startsWith('/futures/data/') ||
      path.startsWith('/fapi/v1/fundingInfo') ||
      path.startsWith('/fapi/v1/fundingRate')
    )
      return 0;
    return 1;
  },
  fetchOiHistory,
  fetchFundingHistory,
  fetchCirculatingSupply,
  liquidations,
};
