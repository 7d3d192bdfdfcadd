// Bitget USDT-M perpetuals: v2 mix market REST, and the UTA v3 public socket for liquidations.
// Facts: shared/venue-apis.md §7 and §12.
//
// No `fetchOiHistory`: Bitget serves the current open interest only, so the chart is built from
// our own stored snapshots.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { settlementsToEightHour, toEightHourRate } from '../core/funding';
import type { Instrument, Liquidation, MarketRow } from '../core/market';
import { describeIssue, openEnvelope, type VenueClient, VenueError } from './client';
import { parseFrame } from './frames';
import { optionalStrNum, strNum } from './numbers';
import { pagesFor } from './paging';
import type { LiquidationFeed, TimeRange, Venue } from './venue';

const PRODUCT_TYPE = 'USDT-FUTURES';
const SUCCESS = '00000';
/** The usual settlement interval, for a contract that leaves `fundInterval` blank. */
const DEFAULT_FUNDING_INTERVAL_HOURS = 8;

const Envelope = z.object({ code: z.string(), msg: z.string(), data: z.unknown() });

/** GETs a v2 path and returns its `data`, checked by `schema`; a code other than 00000 is an error. */
async function getData<T>(client: VenueClient, path: string, schema: z.ZodType<T>): Promise<T> {
  const body = await client.getJson(path, Envelope);
  const error = `${body.code} ${body.msg}`;
  return openEnvelope(
    { ok: body.code === SUCCESS, error, field: 'data', payload: body.data },
    schema,
  );
}

const ContractItem = z.object({
  symbol: z.string(),
  baseCoin: z.string(),
  /** `perpetual` or `delivery`. */
  symbolType: z.string(),
  /** `normal`; or `listed`, `maintain`, `limit_open`, `restrictedAPI`, `off`. */
  symbolStatus: z.string(),
  /** Hours between funding settlements. */
  fundInterval: optionalStrNum,
  /** `YES` for real-world-asset contracts (stocks, gold); absent from older answers. */
  isRwa: z.string().optional(),
});
export type ContractItem = z.output<typeof ContractItem>;
export const Contracts = z.array(ContractItem);

/** One element of `/api/v2/mix/market/tickers` `data`. Only the fields we use are checked. */
export const TickerItem = z.object({
  symbol: z.string(),
  lastPr: strNum,
  markPrice: strNum,
  // A fraction (0.01 is 1%). The futures docs only say "price increase or decrease"; Bitget
  // documents the spot ticker's `change24h` as a fraction, and consumers read this one alike.
  change24h: optionalStrNum,
  /** Open interest in the symbol's base coin (lots for `1000…` symbols). */
  holdingAmount: strNum,
  fundingRate: optionalStrNum,
});
export type TickerItem = z.output<typeof TickerItem>;

// Rows are first read loosely: the list holds every USDT-M symbol, and only the markets we track
// must match the strict schema.
export const Tickers = z.array(z.looseObject({ symbol: z.string() }));

export const FundingRates = z.array(
  z.object({
    symbol: z.string(),
    /** Hours: 1, 2, 4 or 8, per market; it can differ from the contract list's `fundInterval`. */
    fundingRateInterval: strNum,
  }),
);

export function instrumentFromContract(item: ContractItem): Instrument | null {
  const tradable = item.symbolType === 'perpetual' && item.symbolStatus === 'normal';
  // Stock and gold perpetuals are not crypto leverage, and their tickers are not coins.
  if (!tradable || item.isRwa === 'YES') return null;
  const { coin, lotSize } = parseBaseAsset(item.baseCoin);
  if (STABLECOINS.has(coin)) return null;
  return {
    venue: 'bitget',
    symbol: item.symbol,
    coin,
    lotSize,
    fundingIntervalHours: item.fundInterval || DEFAULT_FUNDING_INTERVAL_HOURS,
  };
}

export function rowFromTicker(
  ticker: TickerItem,
  instrument: Instrument,
  fundingIntervalHours: number,
  now: number,
): MarketRow {
  return {
    coin: instrument.coin,
    venue: 'bitget',
    symbol: ticker.symbol,
    priceUsd: ticker.lastPr / instrument.lotSize,
    change24hPct: ticker.change24h === null ? null : ticker.change24h * 100,
    oiCoins: ticker.holdingAmount * instrument.lotSize,
    oiUsd: ticker.holdingAmount * ticker.markPrice,
    oiAt: now,
    fundingRate8h:
      ticker.fundingRate === null || !(fundingIntervalHours > 0)
        ? null
        : toEightHourRate(ticker.fundingRate, fundingIntervalHours),
  };
}

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  const contracts = await getData(
    client,
    `/api/v2/mix/market/contracts?productType=${PRODUCT_TYPE}`,
    Contracts,
  );
  return contracts.flatMap((item) => instrumentFromContract(item) ?? []);
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
  { now }: { now: number },
): Promise<MarketRow[]> {
  const bySymbol = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  const [tickers, rates] = await Promise.all([
    getData(client, `/api/v2/mix/market/tickers?productType=${PRODUCT_TYPE}`, Tickers),
    getData(
      client,
      `/api/v2/mix/market/current-fund-rate?productType=${PRODUCT_TYPE}`,
      FundingRates,
    ),
  ]);
  const intervalBySymbol = new Map(rates.map((rate) => [rate.symbol, rate.fundingRateInterval]));
  const rows: MarketRow[] = [];
  for (const [index, raw] of tickers.entries()) {
    const instrument = bySymbol.get(raw.symbol);
    if (!instrument) continue;
    const ticker = TickerItem.safeParse(raw);
    if (!ticker.success) {
      const where = describeIssue(ticker.error, ['data', index]);
      throw new VenueError({ kind: 'schema', detail: `${where} (${raw.symbol})` });
    }
    // The interval of this very poll: the one from the instrument list may be hours old.
    const interval = intervalBySymbol.get(raw.symbol) ?? instrument.fundingIntervalHours;
    rows.push(rowFromTicker(ticker.data, instrument, interval, now));
  }
  return rows;
}

// ---- live liquidations ------------------------------------------------------------------------

const LIQUIDATION_ARG = { instType: 'usdt-futures', topic: 'liquidation' } as const;

// What Bitget's documentation says of this channel, and what we make of it:
// - It has described two cadences: one push a second carrying at most one record (the largest)
//   per side per symbol, and, in another revision, batches every 20 s or 10,000 records. Totals
//   are labelled a lower bound either way.
// - `side` is the position side: `buy` is "long position liquidation" in the push parameters, and
//   tardis-node maps it the same way.
// - `amount` is documented as "Liquidation amount. Unit: quote coin.", i.e. USDT notional, which
//   is how aggr reads it (it divides by price to get a size); tardis-node passes it on as a
//   quantity without saying why. The documentation's example cannot settle it: its amount,
//   37.722858, is copied from the ticker example's `volume24h`.
const LiquidationPush = z.object({
  action: z.enum(['snapshot', 'update']),
  arg: z.object({ instType: z.string(), topic: z.literal('liquidation') }),
  data: z.array(
    z.object({
      symbol: z.string(),
      side: z.enum(['buy', 'sell']),
      price: strNum,
      amount: strNum,
      ts: strNum,
    }),
  ),
});

/** Subscription acks (`event: subscribe`) and refusals (`event: error`). */
const SocketEvent = z.object({
  event: z.string(),
  code: z.union([z.string(), z.number()]).optional(),
  msg: z.string().optional(),
});

const SocketReply = z.union([LiquidationPush, SocketEvent]);

export function liquidationsFromFrame(
  text: string,
  bySymbol: ReadonlyMap<string, Instrument>,
): Liquidation[] {
  // The heartbeat's answer is the bare text `pong`, not JSON.
  if (text === 'pong') return [];
  const frame = parseFrame(text, SocketReply);
  if ('event' in frame) {
    if (frame.event === 'error') {
      throw new VenueError({
        kind: 'api-error',
        detail: `subscribe refused: ${frame.code ?? ''} ${frame.msg ?? ''}`.trim(),
      });
    }
    return [];
  }
  return frame.data.flatMap((event) => {
    const instrument = bySymbol.get(event.symbol);
    if (!instrument) return [];
    return [
      {
        coin: instrument.coin,
        venue: 'bitget' as const,
        side: event.side === 'buy' ? ('long' as const) : ('short' as const),
        usd: event.amount,
        time: event.ts,
      },
    ];
  });
}

const liquidations: LiquidationFeed = {
  // One subscription covers every USDT-M symbol; there is nothing to split.
  connections: (instruments) =>
    instruments.length === 0
      ? []
      : [
          {
            path: '/v3/ws/public',
            subscribe: [JSON.stringify({ op: 'subscribe', args: [LIQUIDATION_ARG] })],
          },
        ],
  // Bitget closes a connection that has sent nothing for 30 s.
  heartbeat: { intervalMs: 25_000, frame: 'ping' },
  parse: liquidationsFromFrame,
};

// ---- funding history --------------------------------------------------------------------------

/** `history-fund-rate` rows, newest first, a page at a time (documented maximum 100). */
export const FundingHistoryRows = z.array(
  z.object({ symbol: z.string(), fundingRate: strNum, fundingTime: strNum }),
);
const FUNDING_HISTORY_PAGE = 100;

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const symbol = encodeURIComponent(instrument.symbol);
  const byTime = new Map<number, number>();
  // No time range is taken, only pages back from the latest settlement.
  for (let pageNo = 1; pageNo <= pagesFor(range, FUNDING_HISTORY_PAGE); pageNo++) {
    const rows = await getData(
      client,
      `/api/v2/mix/market/history-fund-rate?symbol=${symbol}&productType=${PRODUCT_TYPE}&pageSize=${FUNDING_HISTORY_PAGE}&pageNo=${pageNo}`,
      FundingHistoryRows,
    );
    for (const row of rows) {
      if (row.fundingTime >= range.from && row.fundingTime <= range.to)
        byTime.set(row.fundingTime, row.fundingRate);
    }
    if (
      rows.length < FUNDING_HISTORY_PAGE ||
      Math.min(...rows.map((r) => r.fundingTime)) <= range.from
    )
      break;
  }
  return settlementsToEightHour(
    [...byTime].map(([time, rate]) => ({ time, rate })),
    instrument.fundingIntervalHours,
  );
}

export const bitget: Venue = {
  id: 'bitget',
  hosts: { rest: 'https://api.bitget.com', ws: 'wss://ws.bitget.com' },
  rateLimit: {
    budget: 20,
    windowMs: 1_000,
    unit: 'requests',
    source: 'Bitget: 20 requests per second per endpoint per IP (6000 per minute overall)',
  },
  // `holdingAmount` is documented only as "current positions in the unit of number of coins
  // traded", and we found nothing (docs, consumers, real answers) showing whether that counts
  // one side or both. It is summed as one side, like every other venue's figure.
  oiOneSidedVerified: false,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: () => 2,
  fetchFundingHistory,
  liquidations,
};
