// Hyperliquid main perpetuals: every public read is `POST /info` with a JSON body naming its
// `type`. Facts: shared/venue-apis.md §4.
//
// Deliberately absent from this venue:
// - `fetchOiHistory`: Hyperliquid serves no open-interest history (only unofficial third-party
//   copies), so the chart is built from our own stored snapshots.
// - `liquidations`: there is no public all-market liquidation stream; liquidation fills appear only
//   in user-specific channels.
import { z } from 'zod';
import type { FundingSettlement } from '../core/coin-history';
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { toEightHourRate } from '../core/funding';
import type { Instrument, MarketRow } from '../core/market';
import { describeIssue, type VenueClient, VenueError } from './client';
import { strNum } from './numbers';
import type { TimeRange, Venue } from './venue';

const INFO_PATH = '/info';

/** Funding is settled every hour on every Hyperliquid perpetual. */
const FUNDING_INTERVAL_HOURS = 1;

/** `info` requests other than a handful of light ones weigh 20 of the 1200 per minute. */
const INFO_REQUEST_WEIGHT = 20;
/**
 * `fundingHistory` (like the other list answers) weighs one more per 20 items it returns
 * (venue-apis.md §4): a full page of 500 rows costs 20 + 25. Counted per started 20, since the
 * documentation does not say how a partial 20 is rounded and over-counting is the polite side.
 */
const ITEMS_PER_EXTRA_WEIGHT = 20;

/** The weight a list answer of `items` items adds to its request's. */
export const listAnswerWeight = (items: number) => Math.ceil(items / ITEMS_PER_EXTRA_WEIGHT);

// Only the fields we use are checked: `szDecimals`, `maxLeverage`, `onlyIsolated` (an
// isolated-only coin's open interest is as real as any) and `marginTableId` are not.
const UniverseItem = z.object({
  name: z.string(),
  // Delisted coins stay in the universe, with zeroed contexts, so that indices keep their meaning.
  isDelisted: z.boolean().optional(),
});
export type UniverseItem = z.output<typeof UniverseItem>;

/** `{"type":"meta"}`; `marginTables` and `collateralToken` are not needed. */
export const Meta = z.object({ universe: z.array(UniverseItem) });

/**
 * One element of `metaAndAssetCtxs[1]`, and equally the `ctx` of an `activeAssetCtx` socket
 * message. Only the fields we use are checked; `midPx`, `premium` and `impactPxs` may be null.
 */
export const AssetCtx = z.object({
  /** Hourly funding rate, as a fraction. */
  funding: strNum,
  /** Open interest in the coin's own units (lots for `k` coins). */
  openInterest: strNum,
  prevDayPx: strNum,
  markPx: strNum,
});
export type AssetCtx = z.output<typeof AssetCtx>;

// Contexts are first read loosely: a delisted coin's context may lack prices, and only the markets
// we track must match the strict schema.
export const MetaAndAssetCtxs = z.tuple([Meta, z.array(z.looseObject({}))]);

export function instrumentFromUniverse(item: UniverseItem): Instrument | null {
  if (item.isDelisted) return null;
  // `kPEPE` is a lot of 1000 PEPE: sizes are in lots, prices per lot.
  const { coin, lotSize } = parseBaseAsset(item.name);
  if (STABLECOINS.has(coin)) return null;
  return {
    venue: 'hyperliquid',
    symbol: item.name,
    coin,
    lotSize,
    fundingIntervalHours: FUNDING_INTERVAL_HOURS,
  };
}

export function rowFromAssetCtx(ctx: AssetCtx, instrument: Instrument, now: number): MarketRow {
  return {
    coin: instrument.coin,
    venue: 'hyperliquid',
    symbol: instrument.symbol,
    // The mark price: `midPx` is null whenever one side of the book is empty.
    priceUsd: ctx.markPx / instrument.lotSize,
    change24hPct: ctx.prevDayPx > 0 ? (ctx.markPx / ctx.prevDayPx - 1) * 100 : null,
    // Taken as one-sided, as Hyperliquid's own interface shows it (DESIGN.md); see
    // `oiOneSidedVerified` below for why that is not certain.
    oiCoins: ctx.openInterest * instrument.lotSize,
    oiUsd: ctx.openInterest * ctx.markPx,
    oiAt: now,
    fundingRate8h: toEightHourRate(ctx.funding, FUNDING_INTERVAL_HOURS),
  };
}

async function fetchInstruments(client: VenueClient): Promise<Instrument[]> {
  const { universe } = await client.postJson(INFO_PATH, { type: 'meta' }, Meta);
  return universe.flatMap((item) => instrumentFromUniverse(item) ?? []);
}

async function fetchSnapshot(
  client: VenueClient,
  instruments: readonly Instrument[],
  { now }: { now: number },
): Promise<MarketRow[]> {
  const bySymbol = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
  const [meta, ctxs] = await client.postJson(
    INFO_PATH,
    { type: 'metaAndAssetCtxs' },
    MetaAndAssetCtxs,
  );
  // Contexts belong to coins by position only, so lists of different lengths cannot be joined.
  if (ctxs.length !== meta.universe.length) {
    throw new VenueError({
      kind: 'schema',
      detail: `1: ${ctxs.length} asset contexts for ${meta.universe.length} coins`,
    });
  }
  // Joined with the universe of the same answer, never with the instruments' order, which an
  // earlier `meta` call fixed.
  return meta.universe.flatMap(({ name }, index) => {
    const instrument = bySymbol.get(name);
    if (!instrument) return [];
    const ctx = AssetCtx.safeParse(ctxs[index]);
    if (!ctx.success) {
      const where = describeIssue(ctx.error, [1, index]);
      throw new VenueError({ kind: 'schema', detail: `${where} (${name})` });
    }
    return [rowFromAssetCtx(ctx.data, instrument, now)];
  });
}

/** `fundingHistory` rows, oldest first; `fundingRate` is the hourly rate of that hour. */
export const FundingHistoryRows = z.array(
  z.object({ coin: z.string(), fundingRate: strNum, time: z.number() }),
);
/** Rows per answer (the documentation says results are paginated at about 500). */
const FUNDING_HISTORY_PAGE = 500;

export function settlementsFromRows(rows: z.output<typeof FundingHistoryRows>) {
  return rows.map((row) => ({
    time: row.time,
    rate8h: toEightHourRate(row.fundingRate, FUNDING_INTERVAL_HOURS),
  }));
}

async function fetchFundingHistory(
  client: VenueClient,
  instrument: Instrument,
  range: TimeRange,
): Promise<FundingSettlement[]> {
  const byTime = new Map<number, FundingSettlement>();
  const pages = Math.ceil((range.to - range.from) / 3_600_000 / FUNDING_HISTORY_PAGE) + 1;
  let start = range.from;
  for (let page = 0; page < pages; page++) {
    const rows = await client.postJson(
      INFO_PATH,
      { type: 'fundingHistory', coin: instrument.symbol, startTime: start, endTime: range.to },
      FundingHistoryRows,
    );
    // Only the answer tells its weight: counted now, so that the next page waits for it.
    client.charge(listAnswerWeight(rows.length));
    for (const settlement of settlementsFromRows(rows)) byTime.set(settlement.time, settlement);
    if (rows.length < FUNDING_HISTORY_PAGE) break;
    // Continues after the last row returned, as the documentation says to.
    start = Math.max(...rows.map((row) => row.time)) + 1;
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

export const hyperliquid: Venue = {
  id: 'hyperliquid',
  hosts: { rest: 'https://api.hyperliquid.xyz', ws: 'wss://api.hyperliquid.xyz' },
  rateLimit: {
    budget: 1200,
    windowMs: 60_000,
    unit: 'weight',
    source:
      'Hyperliquid: 1200 weight per minute per IP; metaAndAssetCtxs and meta weigh 20, fundingHistory 20 + 1 per 20 rows',
  },
  // DESIGN.md sums `openInterest` as one-sided, the figure Hyperliquid's interface shows, but the
  // API documentation never says which it is, a third party (Hydromancer) calls it two-sided, and
  // the HIP-3 documentation defines open-interest caps as the sum of absolute position sizes.
  oiOneSidedVerified: false,
  fetchInstruments,
  fetchSnapshot,
  snapshotCost: () => INFO_REQUEST_WEIGHT,
  fetchFundingHistory,
  // Every request is a POST to /info, and every type we send weighs the same before its answer;
  // fundingHistory's rows are charged once they are in (see fetchFundingHistory).
  requestCost: () => INFO_REQUEST_WEIGHT,
};
