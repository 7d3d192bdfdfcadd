// Hyperliquid, as documented (shared/venue-apis.md §4): one `POST /info` path answering by the
// body's `type`, str-num contexts joined to the universe by position, hourly funding, `k` lots.
// There is no public liquidation stream, so the replay serves no socket.
import {
  marketsOn,
  priceAt,
  type Scenario,
  type ScenarioCoin,
  settlementTimes,
  type VenueMarket,
  venueFundingRate,
} from '../scenario';
import type { ReplayRequest, ReplayVenue } from '../venue';

/** Coins Hyperliquid lists in lots of 1000, as `kPEPE`. */
const LOT_COINS = new Set(['PEPE', 'BONK', 'SHIB', 'FLOKI']);

/** A coin that left the exchange: still in the universe, as Hyperliquid keeps it, zeroed. */
const DELISTED = { name: 'MATIC', szDecimals: 1, maxLeverage: 20, isDelisted: true };

const lotOf = (coin: string) => (LOT_COINS.has(coin) ? 1000 : 1);
const nameOf = (coin: string) => (lotOf(coin) > 1 ? `k${coin}` : coin);
const num = (value: number, digits = 8) => String(Number(value.toFixed(digits)));

function universeItem(coin: ScenarioCoin) {
  return {
    name: nameOf(coin.coin),
    szDecimals: 2,
    maxLeverage: 20,
    marginTableId: 20,
  };
}

function meta(scenario: Scenario) {
  return {
    universe: [
      ...marketsOn(scenario, 'hyperliquid').map(({ coin }) => universeItem(coin)),
      DELISTED,
    ],
    marginTables: [
      [20, { description: '', marginTiers: [{ lowerBound: '0.0', maxLeverage: 20 }] }],
    ],
    collateralToken: 0,
  };
}

function assetCtx(coin: ScenarioCoin, market: VenueMarket) {
  const lot = lotOf(coin.coin);
  const markPx = coin.price * lot;
  const lots = market.oiCoins / lot;
  return {
    // Hourly, whatever the scenario's interval: Hyperliquid settles every hour.
    funding: num(venueFundingRate(coin, { ...market, fundingIntervalHours: 1 }), 10),
    openInterest: num(lots, 5),
    prevDayPx: num(priceAt(coin, 24) * lot),
    dayNtlVlm: num(lots * markPx * 0.8, 2),
    premium: '0.0001',
    oraclePx: num(markPx),
    markPx: num(markPx),
    midPx: num(markPx),
    impactPxs: [num(markPx * 0.9999), num(markPx * 1.0001)],
    dayBaseVlm: num(lots * 0.8, 2),
  };
}

const DELISTED_CTX = {
  funding: '0.0',
  openInterest: '0.0',
  prevDayPx: '0.3805',
  dayNtlVlm: '0.0',
  premium: null,
  oraclePx: '0.3805',
  markPx: '0.3805',
  midPx: null,
  impactPxs: null,
  dayBaseVlm: '0.0',
};

function metaAndAssetCtxs(scenario: Scenario) {
  return [
    meta(scenario),
    [
      ...marketsOn(scenario, 'hyperliquid').map(({ coin, market }) => assetCtx(coin, market)),
      DELISTED_CTX,
    ],
  ];
}

/** Hourly rows from startTime, oldest first, at most 500 per answer. */
function fundingHistory(body: Record<string, unknown>, scenario: Scenario, now: number) {
  const found = marketsOn(scenario, 'hyperliquid').find(
    ({ coin }) => nameOf(coin.coin) === body.coin,
  );
  if (!found) return [];
  const end = typeof body.endTime === 'number' ? body.endTime : now;
  // Hourly, whatever the scenario's interval: Hyperliquid settles every hour.
  const hourly = { ...found.market, fundingIntervalHours: 1 };
  return settlementTimes(hourly, Number(body.startTime), end, now)
    .slice(0, FUNDING_HISTORY_PAGE)
    .map((time) => ({
      coin: body.coin,
      fundingRate: num(venueFundingRate(found.coin, hourly), 10),
      premium: '0.0001',
      time,
    }));
}
const FUNDING_HISTORY_PAGE = 500;

function answer({ body, now }: ReplayRequest, scenario: Scenario): unknown {
  const type = (body as { type?: unknown } | undefined)?.type;
  if (type === 'meta') return meta(scenario);
  if (type === 'metaAndAssetCtxs') return metaAndAssetCtxs(scenario);
  if (type === 'fundingHistory')
    return fundingHistory(body as Record<string, unknown>, scenario, now);
  // Hyperliquid answers 422 to an unknown type; a route can only shape the body, so it sends
  // null, which no schema of ours accepts either.
  return null;
}

/** A plausible change: `universe` renamed, open interest renamed and sent as a number. */
function drift(body: unknown): unknown {
  if (!Array.isArray(body)) {
    const { universe, ...rest } = body as { universe: unknown };
    return { ...rest, assets: universe };
  }
  const [metaBody, ctxs] = body as [unknown, Array<Record<string, unknown>>];
  for (const ctx of ctxs) {
    ctx.oi = Number(ctx.openInterest);
    delete ctx.openInterest;
  }
  return [metaBody, ctxs];
}

export const hyperliquid: ReplayVenue = {
  id: 'hyperliquid',
  rest: { '/info': { answer, drift } },
  sockets: {},
};
