// Gate USDT-settled perpetual futures, API v4. Facts: shared/venue-apis.md §8 and §12.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { STABLECOINS } from '../core/coins';
import { settlementsToEightHour, toEightHourRate } from '../core/funding';
import type {
  Instrument,
  Liquidation,
  LiquidationBucket,
  MarketRow,
  OiPoint,
} from '../core/market';
import { describeIssue, type VenueClient, VenueError } from './client';
import { parseFrame } from './frames';
import { optionalStrNum, strNum } from './numbers';
import type { LiquidationFeed, TimeRange, Venue } from './venue';

const API = '/api/v4/futures/usdt';
const HOUR_S = 3_600;
const BUCKET_S = 300;
const QUOTE_SUFFIX = '_USDT';

/**
 * Gate sends most figures as strings but some as JSON numbers, and has moved fields from one to
 * the other (contract_stats sizes became strings when decimal contract sizes arrived): take both.
 */
const numeric = z.union([z.number(), strNum]);

/** GETs a v4 path; Gate answers errors with an HTTP status, so the body is the data itself. */
async function getList<T>(client: VenueClient, path: string, item: z.ZodType<T>): Promise<T[]> {
  return client.getJson(path, z.array(item));
}

// ---- instruments ------------------------------------------------------------------------------

export const ContractItem = z.object({
  name: z.string(),
  /** `direct` (linear) or `inverse`. */
  type: z.string(),
  /** Coins per contract. */
  quanto_multiplier: strNum,
  /** Seconds between funding settlements. */
  funding_interval: z.number(),
  in_delisting: z.boolean(),
  /** `trading`, `prelaunch`, `delisting`, `delisted` or `circuit_breaker`; absent from older answers. */
  status: z.string().optional(),
  /** `""` for crypto; `stocks`, `metals`, `indices`, `forex`, `commodities`…; absent from older answers. */
  contract_type: z.string().optional(),
});
export type ContractItem = z.output<typeof ContractItem>;

// A circuit breaker limits the mark price of a newly listed contract; the market still trades.
const OPEN_STATUSES: ReadonlySet<string> = new Set(['trading', 'circuit_breaker']);
const CRYPTO_TYPES: ReadonlySet<string> = new Set(['', 'crypto']);

export function instrumentFromContract(item: ContractItem): Instrument | null {
  if (!item.name.endsWith(QUOTE_SUFFIX)) return null;
  // Gate lists low-priced coins under their plain name with a large multiplier (no `1000PEPE`).
  const coin = item.name.slice(0, -QUOTE_SUFFIX.length).toUpperCase();
  const open = !item.in_delisting && OPEN_STATUSES.has(item.status ?? 'trading');
  const crypto = CRYPTO_TYPES.has(item.contract_type ?? '');
  const sized = item.quanto_multiplier > 0 && item.funding_interval > 0;
  if (item.type !== 'direct' || !open || !crypto || !sized || STABLECOINS.has(coin)) return null;
  return {
    venue: 'gate',
    symbol: item.name,
    coin,
    lotSize: item.quanto_multiplier,
    fundingIntervalHours: item.funding_interval / HOUR_S,
  };
}

/** The documented default page of /contracts; no larger maximum is documented. */
const CONTRACTS_PAGE = 100;
const MAX_CONTRACT_PAGES = 20;

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  const byName = new Map<string, ContractItem>();
  for (let page = 0; page < MAX_CONTRACT_PAGES; page++) {
    const items = await getList(
      client,
      `${API}/contracts?limit=${CONTRACTS_PAGE}&offset=${page * CONTRACTS_PAGE}`,
      ContractItem,
    );
    const before = byName.size;
    for (const item of items) byName.set(item.name, item);
    // A server that ignores limit/offset answers everything every time: stop when nothing is new.
    if (items.length < CONTRACTS_PAGE || byName.size === before) break;
  }
  return [...byName.values()].flatMap((item) => instrumentFromContract(item) ?? []);
}

// ---- snapshot ---------------------------------------------------------------------------------

/** One element of `/futures/usdt/tickers`. Only the fields we use are checked. */
export const TickerItem = z.object({
  contract: z.string(),
  last: strNum,
  mark_price: strNum,
  /** Open interest in contracts. */
  total_size: strNum,
  funding_rate: optionalStrNum,
  /** Already a percent: documented as "e.g. -7.45" for a 7.45% fall. */
  change_percentage: optionalStrNum,
});
export type TickerItem = z.output<typeof TickerItem>;

const LooseTickers = z.looseObject({ contract: z.string() });

export function rowFromTicker(ticker: TickerItem, instrument: Instrument, now: number): MarketRow {
  const oiCoins = ticker.total_size * instrument.lotSize;
  return {
    coin: instrument.coin,
    venue: 'gate',
    symbol: ticker.contract,
    priceUsd: ticker.last,
    change24hPct: ticker.change_percentage,
    oiCoins,
    oiUsd: oiCoins * ticker.mark_price,
    oiAt: now,
    fundingRate8h:
      ticker.funding_rate === null
        ? null
        : toEightHourRate(ticker.funding_rate, instrument.fundingIntervalHours),
  };
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
  { now }: { now: number },
): Promise<MarketRow[]> {
  const tracked = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  // Read loosely first: only the markets we track (not stock perps, not delisted ones) must match.
  const rows = await getList(client, `${API}/tickers`, LooseTickers);
  return rows.flatMap((raw, index) => {
    const instrument = tracked.get(raw.contract);
    if (!instrument) return [];
    const ticker = TickerItem.safeParse(raw);
    if (!ticker.success) {
      const where = describeIssue(ticker.error, [index]);
      throw new VenueError({ kind: 'schema', detail: `tickers ${where} (${raw.contract})` });
    }
    return [rowFromTicker(ticker.data, instrument, now)];
  });
}

// ---- history: contract_stats ------------------------------------------------------------------

/** One `contract_stats` row: `time` in SECONDS, the bucket's start. Only the fields we use. */
export const StatRow = z.object({
  time: z.number(),
  open_interest_usd: numeric,
  /** USD of long positions liquidated in the bucket. */
  long_liq_usd: numeric,
  short_liq_usd: numeric,
});
export type StatRow = z.output<typeof StatRow>;

/**
 * Rows per request. The documented default is 30 and no maximum is documented, so we ask for the
 * page size Gate's other public lists default to.
 */
const STATS_PAGE = 100;

/** Every row of one contract whose bucket starts within the range, oldest first. */
async function fetchStats(
  client: VenueClient,
  contract: string,
  interval: '1h' | '5m',
  range: TimeRange,
): Promise<StatRow[]> {
  const step = interval === '1h' ? HOUR_S : BUCKET_S;
  const fromS = Math.floor(range.from / 1000);
  const toS = Math.floor(range.to / 1000);
  const byTime = new Map<number, StatRow>();
  const pages = Math.ceil((toS - fromS) / step / STATS_PAGE) + 1;
  let from = fromS;
  for (let page = 0; page < pages; page++) {
    const rows = await getList(
      client,
      `${API}/contract_stats?contract=${encodeURIComponent(contract)}&interval=${interval}&from=${from}&limit=${STATS_PAGE}`,
      StatRow,
    );
    for (const row of rows) if (row.time >= fromS && row.time <= toS) byTime.set(row.time, row);
    const latest = Math.max(...rows.map((row) => row.time));
    if (rows.length < STATS_PAGE || latest + step > toS) break;
    from = latest + step;
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

async function fetchOiHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<OiPoint[]> {
  const rows = await fetchStats(client, instrument.symbol, '1h', range);
  return rows.map((row) => ({ time: row.time * 1000, oiUsd: row.open_interest_usd }));
}

export function bucketFromStat(row: StatRow, instrument: Instrument): LiquidationBucket {
  return {
    coin: instrument.coin,
    venue: 'gate',
    start: row.time * 1000,
    durationMs: BUCKET_S * 1000,
    longUsd: row.long_liq_usd,
    shortUsd: row.short_liq_usd,
  };
}

/** 5-minute buckets, empty ones included: they show the window was covered and quiet. */
async function fetchLiquidationHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<LiquidationBucket[]> {
  const rows = await fetchStats(client, instrument.symbol, '5m', range);
  return rows.map((row) => bucketFromStat(row, instrument));
}

/** `funding_rate` rows: settlement time in SECONDS and the rate paid. */
export const FundingRateRow = z.object({ t: z.number(), r: numeric });
/** Gate's documented maximum per request: 30 days of hourly settlements (720) fit in one. */
const FUNDING_HISTORY_LIMIT = 1000;

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const from = Math.floor(range.from / 1000);
  const to = Math.floor(range.to / 1000);
  const rows = await getList(
    client,
    `${API}/funding_rate?contract=${encodeURIComponent(instrument.symbol)}&from=${from}&to=${to}&limit=${FUNDING_HISTORY_LIMIT}`,
    FundingRateRow,
  );
  return settlementsToEightHour(
    rows
      .filter((row) => row.t >= from && row.t <= to)
      .map((row) => ({ time: row.t * 1000, rate: row.r })),
    instrument.fundingIntervalHours,
  );
}

// ---- live liquidations ------------------------------------------------------------------------

const CHANNEL = 'futures.public_liquidates';

const LiquidationItem = z
  .object({
    contract: z.string(),
    price: numeric,
    /**
     * Contracts, signed; the sign is undocumented for this channel. We read negative as a LONG
     * liquidated: the channel pushes liquidation ORDERS (Gate's changelog of 2025-02-19: "push
     * liquidate orders snapshot"), Gate signs order sizes by side ("positive number to make a bid,
     * and negative number to ask", FuturesOrder.size) and trade sizes alike (tardis-node's
     * futures.trades mapper: `size < 0 ? 'sell' : 'buy'`), and the order that liquidates a long
     * sells. An independent consumer of this channel reads it the same way (`size < 0 ? 'Long' :
     * 'Short'`). Not to be confused with `liq_orders.size`, the liquidated POSITION's size.
     */
    size: numeric,
    /** Documented field, ms. */
    time_ms: z.number().optional(),
    /** What live frames carry instead of time_ms (gateio/WebSocket-API#132), also ms. */
    time: z.number().optional(),
  })
  .transform(({ time_ms, time, ...item }, context) => {
    const at = time_ms ?? time;
    if (at === undefined) {
      context.addIssue({ code: 'custom', message: 'expected time_ms or time', path: ['time_ms'] });
      return z.NEVER;
    }
    return { ...item, time: at };
  });

// Documented as an array; live frames carry one bare object (gateio/WebSocket-API#132). Both are
// read as a list, so that a broken item is named by its field.
export const LiquidationResult = z.preprocess(
  (result) => (Array.isArray(result) ? result : [result]),
  z.array(LiquidationItem),
);

const SocketFrame = z.object({
  channel: z.string(),
  /** `subscribe`, `update`; `""` on `futures.pong`. */
  event: z.string().optional(),
  error: z.object({ code: z.number(), message: z.string() }).nullish(),
  result: z.unknown(),
});

export function liquidationsFromFrame(
  text: string,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  const frame = parseFrame(text, SocketFrame);
  if (frame.error) {
    throw new VenueError({
      kind: 'api-error',
      detail: `${frame.channel} ${frame.event ?? ''} refused: ${frame.error.code} ${frame.error.message}`,
    });
  }
  // Acks (event `subscribe`) and pongs (channel `futures.pong`) carry no liquidations.
  if (frame.channel !== CHANNEL || frame.event !== 'update') return [];
  const result = LiquidationResult.safeParse(frame.result);
  if (!result.success)
    throw new VenueError({
      kind: 'schema',
      detail: `frame ${describeIssue(result.error, ['result'])}`,
    });
  return result.data.flatMap((item): Liquidation[] => {
    const instrument = bySymbol.get(item.contract);
    if (!instrument || item.size === 0) return [];
    return [
      {
        coin: instrument.coin,
        venue: 'gate',
        side: item.size < 0 ? 'long' : 'short',
        usd: Math.abs(item.size) * instrument.lotSize * item.price,
        time: item.time,
      },
    ];
  });
}

const liquidations: LiquidationFeed = {
  // `!all` covers every contract; Gate pushes at most one liquidation per contract per second.
  // `time` is Gate's required request time (s), stamped when each frame is sent.
  connections: (instruments) =>
    instruments.length === 0
      ? []
      : [
          {
            path: '/v4/ws/usdt',
            subscribe: [
              (now: number) =>
                JSON.stringify({
                  time: Math.floor(now / 1000),
                  channel: CHANNEL,
                  event: 'subscribe',
                  payload: ['!all'],
                }),
            ],
          },
        ],
  heartbeat: {
    intervalMs: 20_000,
    frame: (now) => JSON.stringify({ time: Math.floor(now / 1000), channel: 'futures.ping' }),
  },
  parse: liquidationsFromFrame,
};

export const gate: Venue = {
  id: 'gate',
  hosts: { rest: 'https://api.gateio.ws', ws: 'wss://fx-ws.gateio.ws' },
  rateLimit: {
    budget: 200,
    windowMs: 10_000,
    unit: 'requests',
    source: 'Gate: 200 requests per 10 s per public endpoint per IP',
  },
  // `total_size` is documented only as "Contract total size". The contract's `position_size` is
  // documented as the "current total long position size", which suggests Gate counts one side,
  // but nothing states that total_size is that figure: unverified until a live answer shows
  // total_size equal to position_size.
  oiOneSidedVerified: false,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: () => 1,
  fetchOiHistory,
  fetchFundingHistory,
  fetchLiquidationHistory,
  liquidations,
};
