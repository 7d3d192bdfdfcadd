// Binance USDⓈ-M futures, as documented (shared/venue-apis.md §1): bare JSON arrays and objects
// with str-num fields, lot-sized symbols (1000PEPEUSDT), quarterlies and TradFi markets mixed into
// the bulk lists, per-symbol open interest, and the all-market forceOrder stream.
import {
  marketsOn,
  oiCoinsAt,
  priceAt,
  type Scenario,
  type ScenarioCoin,
  type ScenarioLiquidation,
  settlementTimes,
  type VenueMarket,
  venueFundingRate,
} from '../scenario';
import type { ReplayVenue } from '../venue';

/** Coins Binance lists in lots, with the base asset it names them by. */
const LOTS: Record<string, { base: string; lot: number }> = {
  PEPE: { base: '1000PEPE', lot: 1000 },
  BONK: { base: '1000BONK', lot: 1000 },
  SHIB: { base: '1000SHIB', lot: 1000 },
  FLOKI: { base: '1000FLOKI', lot: 1000 },
  MOG: { base: '1000000MOG', lot: 1_000_000 },
  BABYDOGE: { base: '1MBABYDOGE', lot: 1_000_000 },
};

const lotOf = (coin: string) => LOTS[coin]?.lot ?? 1;
const baseAsset = (coin: string) => LOTS[coin]?.base ?? coin;
const symbolOf = (coin: string) => `${baseAsset(coin)}USDT`;
const num = (value: number, digits = 8) => value.toFixed(digits);

const HOUR = 3_600_000;
const SERVED_HOURS = 30 * 24;

/**
 * Markets Binance lists that are not a coin's perpetual, in every scenario: a TradFi perpetual
 * and a composite index. A client must leave them out.
 */
const NON_COIN_MARKETS = [
  {
    symbol: 'XAUUSDT',
    base: 'XAU',
    contractType: 'TRADIFI_PERPETUAL',
    underlyingType: 'COMMODITY',
    price: 3350,
  },
  {
    symbol: 'BTCDOMUSDT',
    base: 'BTCDOM',
    contractType: 'PERPETUAL',
    underlyingType: 'INDEX',
    price: 4300,
  },
];

interface Listing {
  symbol: string;
  base: string;
  contractType: string;
  underlyingType: string;
  /** Price of one lot. */
  price: number;
  change24hPct: number;
  /** Funding per settlement; null for quarterlies, which have none. */
  fundingRate: number | null;
  fundingIntervalHours: number;
  /** Open interest in lots. */
  oiLots: number;
}

function perpetual(coin: ScenarioCoin, market: VenueMarket): Listing {
  const lot = lotOf(coin.coin);
  return {
    symbol: symbolOf(coin.coin),
    base: baseAsset(coin.coin),
    contractType: 'PERPETUAL',
    underlyingType: 'COIN',
    price: coin.price * lot,
    change24hPct: coin.change24hPct,
    fundingRate: venueFundingRate(coin, market),
    fundingIntervalHours: market.fundingIntervalHours,
    oiLots: market.oiCoins / lot,
  };
}

function listings(scenario: Scenario): Listing[] {
  const quarterlies = scenario.datedFutures
    .filter((future) => future.venue === 'binance')
    .map((future): Listing => {
      const price = scenario.coins.find((coin) => coin.coin === future.coin)?.price ?? 1;
      return {
        symbol: `${future.coin}USDT_${future.expiry}`,
        base: future.coin,
        contractType: 'CURRENT_QUARTER',
        underlyingType: 'COIN',
        price: price * 1.01,
        change24hPct: 0.5,
        fundingRate: null,
        fundingIntervalHours: 8,
        oiLots: future.oiCoins,
      };
    });
  const others = NON_COIN_MARKETS.map(
    (market): Listing => ({
      ...market,
      change24hPct: 0.3,
      fundingRate: 0.0001,
      fundingIntervalHours: 8,
      oiLots: 1000,
    }),
  );
  return [
    ...marketsOn(scenario, 'binance').map(({ coin, market }) => perpetual(coin, market)),
    ...quarterlies,
    ...others,
  ];
}

function exchangeSymbol(listing: Listing, now: number) {
  const quarterly = listing.contractType === 'CURRENT_QUARTER';
  return {
    symbol: listing.symbol,
    pair: listing.symbol.replace(/_\d+$/, ''),
    contractType: listing.contractType,
    deliveryDate: quarterly ? now + 90 * 24 * HOUR : 4133404800000,
    onboardDate: 1569398400000,
    status: 'TRADING',
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    baseAsset: listing.base,
    quoteAsset: 'USDT',
    marginAsset: 'USDT',
    pricePrecision: 7,
    quantityPrecision: 0,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: listing.underlyingType,
    underlyingSubType: listing.underlyingType === 'COIN' ? ['Layer-1'] : [],
    settlePlan: 0,
    triggerProtect: '0.0500',
    liquidationFee: '0.012500',
    marketTakeBound: '0.05',
    maxMoveOrderLimit: 10000,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: '0.0000001', maxPrice: '200', tickSize: '0.0000001' },
      { filterType: 'LOT_SIZE', stepSize: '1', maxQty: '800000000', minQty: '1' },
      { filterType: 'MIN_NOTIONAL', notional: '5' },
    ],
    orderTypes: ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET'],
    timeInForce: ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'],
    permissionSets: ['GRID', 'COPY'],
  };
}

function premiumIndex(listing: Listing, now: number) {
  const funded = listing.fundingRate !== null;
  const interval = listing.fundingIntervalHours * HOUR;
  return {
    symbol: listing.symbol,
    markPrice: num(listing.price),
    indexPrice: num(listing.price * 0.9998),
    estimatedSettlePrice: num(listing.price * 0.9999),
    lastFundingRate: funded ? num(listing.fundingRate ?? 0) : '',
    interestRate: funded ? '0.00010000' : '',
    nextFundingTime: funded ? Math.ceil(now / interval) * interval : 0,
    time: now,
  };
}

function ticker(listing: Listing, now: number) {
  const open = listing.price / (1 + listing.change24hPct / 100);
  const volume = listing.oiLots * 0.8;
  return {
    symbol: listing.symbol,
    priceChange: num(listing.price - open),
    priceChangePercent: listing.change24hPct.toFixed(3),
    weightedAvgPrice: num((listing.price + open) / 2),
    lastPrice: num(listing.price),
    lastQty: '1',
    openPrice: num(open),
    highPrice: num(Math.max(open, listing.price) * 1.01),
    lowPrice: num(Math.min(open, listing.price) * 0.99),
    volume: num(volume, 3),
    quoteVolume: num(volume * listing.price, 2),
    openTime: now - 24 * HOUR,
    closeTime: now,
    firstId: 5_000_000_000,
    lastId: 5_001_000_000,
    count: 1_000_000,
  };
}

function findCoin(scenario: Scenario, symbol: string | null) {
  return marketsOn(scenario, 'binance').find(({ coin }) => symbolOf(coin.coin) === symbol);
}

/** Hour starts within [start, end] and the last 30 days, oldest first, at most the last `limit`. */
function servedHours(start: number, end: number, now: number, limit: number): number[] {
  const oldest = Math.max(start, now - SERVED_HOURS * HOUR);
  const hours: number[] = [];
  for (let hour = Math.ceil(oldest / HOUR) * HOUR; hour <= Math.min(end, now); hour += HOUR) {
    hours.push(hour);
  }
  return hours.slice(-limit);
}

function forceOrder(
  symbol: string,
  side: 'long' | 'short',
  lots: number,
  lotPrice: number,
  at: number,
) {
  // `S` is the side of the liquidation order: SELL closes a long. The order's limit price is
  // worse than its average fill.
  const limit = side === 'long' ? lotPrice * 0.995 : lotPrice * 1.005;
  const qty = num(lots, 3);
  return {
    e: 'forceOrder',
    E: at + 3,
    o: {
      s: symbol,
      S: side === 'long' ? 'SELL' : 'BUY',
      o: 'LIMIT',
      f: 'IOC',
      q: qty,
      p: num(limit),
      ap: num(lotPrice),
      X: 'FILLED',
      l: qty,
      z: qty,
      T: at,
    },
  };
}

const unknownSymbol = { code: -1121, msg: 'Invalid symbol.' };

export const binance: ReplayVenue = {
  id: 'binance',
  rest: {
    '/fapi/v1/exchangeInfo': {
      answer: ({ now }, scenario) => ({
        timezone: 'UTC',
        serverTime: now,
        futuresType: 'U_MARGINED',
        rateLimits: [
          { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
          { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
          { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
        ],
        exchangeFilters: [],
        assets: [
          { asset: 'USDT', marginAvailable: true, autoAssetExchange: '-10000' },
          { asset: 'USDC', marginAvailable: true, autoAssetExchange: '-10000' },
        ],
        symbols: listings(scenario).map((listing) => exchangeSymbol(listing, now)),
      }),
      drift: (body) => body,
    },
    // Only the markets whose interval (or cap and floor) differ from the default are listed.
    '/fapi/v1/fundingInfo': {
      answer: (_request, scenario) =>
        marketsOn(scenario, 'binance')
          .filter(({ market }) => market.fundingIntervalHours !== 8)
          .map(({ coin, market }) => ({
            symbol: symbolOf(coin.coin),
            adjustedFundingRateCap: '0.02000000',
            adjustedFundingRateFloor: '-0.02000000',
            fundingIntervalHours: market.fundingIntervalHours,
            disclaimer: false,
          })),
      drift: (body) => body,
    },
    '/fapi/v1/premiumIndex': {
      answer: ({ now }, scenario) =>
        listings(scenario).map((listing) => premiumIndex(listing, now)),
      // A plausible change: the mark price renamed.
      drift: (body) =>
        (body as Array<Record<string, unknown>>).map(({ markPrice, ...row }) => ({
          ...row,
          markPx: markPrice,
        })),
    },
    '/fapi/v1/ticker/24hr': {
      answer: ({ now }, scenario) => listings(scenario).map((listing) => ticker(listing, now)),
      // A plausible change: numbers sent as numbers.
      drift: (body) =>
        (body as Array<Record<string, unknown>>).map((row) => ({
          ...row,
          lastPrice: Number(row.lastPrice),
        })),
    },
    '/fapi/v1/openInterest': {
      answer: ({ query, now }, scenario) => {
        const listing = listings(scenario).find(({ symbol }) => symbol === query.get('symbol'));
        if (!listing) return unknownSymbol;
        return { symbol: listing.symbol, openInterest: num(listing.oiLots, 3), time: now };
      },
      drift: (body) => body,
    },
    // Ascending, the oldest `limit` rows from startTime (Binance's order when both ends are given).
    '/fapi/v1/fundingRate': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('symbol'));
        if (!found) return [];
        const end = Number(query.get('endTime') || now);
        const start = Number(query.get('startTime') || end - 100 * 8 * HOUR);
        const limit = Math.min(1000, Number(query.get('limit') || 100));
        return settlementTimes(found.market, start, end, now)
          .slice(0, limit)
          .map((time) => ({
            symbol: symbolOf(found.coin.coin),
            fundingRate: num(venueFundingRate(found.coin, found.market)),
            fundingTime: time,
            markPrice: num(priceAt(found.coin, (now - time) / HOUR) * lotOf(found.coin.coin)),
          }));
      },
      // A plausible change: the time renamed.
      drift: (body) =>
        (body as Array<Record<string, unknown>>).map(({ fundingTime, ...row }) => ({
          ...row,
          time: fundingTime,
        })),
    },
    '/futures/data/openInterestHist': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('symbol'));
        if (!found) return [];
        const { coin, market } = found;
        const end = Number(query.get('endTime') || now);
        const start = Number(query.get('startTime') || 0);
        const limit = Math.min(500, Number(query.get('limit') || 30));
        return servedHours(start, end, now, limit).map((hour) => {
          const hoursAgo = (now - hour) / HOUR;
          const coins = oiCoinsAt(coin, market, hoursAgo);
          return {
            symbol: symbolOf(coin.coin),
            sumOpenInterest: num(coins / lotOf(coin.coin)),
            sumOpenInterestValue: num(coins * priceAt(coin, hoursAgo)),
            ...(coin.circulatingSupply === undefined
              ? {}
              : { CMCCirculatingSupply: num(coin.circulatingSupply) }),
            timestamp: hour,
          };
        });
      },
      drift: (body) => body,
    },
  },
  sockets: {
    // The raw all-market stream: no subscription needed, every symbol's liquidations arrive.
    '/market/ws/!forceOrder@arr': {
      onMessage(session, text) {
        let request: { method?: string; id?: unknown };
        try {
          request = JSON.parse(text);
        } catch {
          session.send({
            error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' },
          });
          return;
        }
        if (request.method === 'LIST_SUBSCRIPTIONS') {
          session.send({ result: ['!forceOrder@arr'], id: request.id ?? null });
        } else if (request.method === 'SUBSCRIBE' || request.method === 'UNSUBSCRIBE') {
          session.send({ result: null, id: request.id ?? null });
        } else {
          session.send({
            error: { code: 2, msg: `Invalid request: unknown variant ${request.method}` },
            id: request.id ?? null,
          });
        }
      },
      pushLiquidation(session, liquidation: ScenarioLiquidation) {
        const lot = lotOf(liquidation.coin);
        session.send(
          forceOrder(
            symbolOf(liquidation.coin),
            liquidation.side,
            liquidation.coins / lot,
            liquidation.price * lot,
            Date.now(),
          ),
        );
      },
      burstFrame(index, scenario) {
        const markets = marketsOn(scenario, 'binance');
        const coin = markets[index % Math.max(1, markets.length)]?.coin;
        return forceOrder(
          coin ? symbolOf(coin.coin) : 'BTCUSDT',
          index % 2 ? 'short' : 'long',
          1,
          (coin?.price ?? 1) * lotOf(coin?.coin ?? ''),
          Date.now(),
        );
      },
    },
  },
};
