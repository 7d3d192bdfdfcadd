// Bitget USDT-M futures, as documented (shared/venue-apis.md §7): v2 mix market envelopes with
// str-num fields, and the UTA v3 public socket with its text ping/pong and liquidation channel.
import {
  marketsOn,
  priceAt,
  type Scenario,
  type ScenarioCoin,
  type ScenarioLiquidation,
  settlementTimes,
  type VenueMarket,
  venueFundingRate,
} from '../scenario';
import type { ReplayVenue, SocketSession } from '../venue';

/** Coins Bitget lists in lots, as `1000SATSUSDT`. */
const LOT_SIZES: Record<string, number> = { SATS: 1000, RATS: 1000, XEC: 1000 };

const lotOf = (coin: string) => LOT_SIZES[coin] ?? 1;
const baseCoin = (coin: string) => (lotOf(coin) > 1 ? `${lotOf(coin)}${coin}` : coin);
const symbolOf = (coin: string) => `${baseCoin(coin)}USDT`;
const num = (value: number, digits = 8) => String(Number(value.toFixed(digits)));

function envelope(data: unknown) {
  return { code: '00000', msg: 'success', requestTime: Date.now(), data };
}

interface ContractFlags {
  symbolType?: string;
  symbolStatus?: string;
  isRwa?: 'YES' | 'NO';
  fundInterval?: number;
}

function contract(symbol: string, base: string, flags: ContractFlags = {}) {
  return {
    symbol,
    baseCoin: base,
    quoteCoin: 'USDT',
    buyLimitPriceRatio: '0.05',
    sellLimitPriceRatio: '0.05',
    feeRateUpRatio: '0.005',
    makerFeeRate: '0.0002',
    takerFeeRate: '0.0006',
    openCostUpRatio: '0.01',
    supportMarginCoins: ['USDT'],
    minTradeNum: '0.001',
    priceEndStep: '1',
    volumePlace: '3',
    pricePlace: '4',
    sizeMultiplier: '0.001',
    symbolType: flags.symbolType ?? 'perpetual',
    minTradeUSDT: '5',
    maxSymbolOrderNum: '200',
    maxProductOrderNum: '400',
    maxPositionNum: '150',
    symbolStatus: flags.symbolStatus ?? 'normal',
    offTime: '-1',
    limitOpenTime: '-1',
    deliveryTime: '',
    deliveryStartTime: '',
    launchTime: '',
    fundInterval: String(flags.fundInterval ?? 8),
    minLever: '1',
    maxLever: '100',
    posLimit: '0.1',
    maintainTime: '',
    maxMarketOrderQty: '100',
    maxOrderQty: '1000',
    isRwa: flags.isRwa ?? 'NO',
  };
}

/** Symbols Bitget lists that are not crypto perpetuals we track, with a fixed market each. */
const EXCLUDED = [
  { contract: contract('NVDAUSDT', 'NVDA', { isRwa: 'YES' }), price: 180, holding: 5000 },
  {
    contract: contract('LUNAUSDT', 'LUNA', { symbolStatus: 'maintain' }),
    price: 0.2,
    holding: 1e6,
  },
  { contract: contract('USDCUSDT', 'USDC'), price: 1, holding: 2e6 },
];

function ticker(symbol: string, lotPrice: number, lotPriceDayAgo: number, holding: number) {
  return {
    symbol,
    lastPr: num(lotPrice),
    askPr: num(lotPrice * 1.0001),
    bidPr: num(lotPrice * 0.9999),
    bidSz: '1.5',
    askSz: '2.1',
    high24h: num(Math.max(lotPrice, lotPriceDayAgo) * 1.01),
    low24h: num(Math.min(lotPrice, lotPriceDayAgo) * 0.99),
    ts: String(Date.now()),
    change24h: num(lotPrice / lotPriceDayAgo - 1, 5),
    baseVolume: num(holding * 0.8, 4),
    quoteVolume: num(holding * 0.8 * lotPrice, 4),
    usdtVolume: num(holding * 0.8 * lotPrice, 4),
    openUtc: num(lotPriceDayAgo),
    changeUtc24h: num(lotPrice / lotPriceDayAgo - 1, 5),
    indexPrice: num(lotPrice),
    fundingRate: '0.0001',
    holdingAmount: num(holding, 4),
    deliveryStartTime: null,
    deliveryTime: null,
    deliveryStatus: '',
    open24h: num(lotPriceDayAgo),
    markPrice: num(lotPrice),
  };
}

function coinTicker(coin: ScenarioCoin, market: VenueMarket) {
  const lot = lotOf(coin.coin);
  return {
    ...ticker(symbolOf(coin.coin), coin.price * lot, priceAt(coin, 24) * lot, market.oiCoins / lot),
    fundingRate: num(venueFundingRate(coin, market), 8),
  };
}

function fundingRate(symbol: string, rate: number, intervalHours: number) {
  const intervalMs = intervalHours * 3_600_000;
  return {
    symbol,
    fundingRate: num(rate, 8),
    fundingRateInterval: String(intervalHours),
    nextUpdate: String(Math.ceil(Date.now() / intervalMs) * intervalMs),
    minFundingRate: '-0.003',
    maxFundingRate: '0.003',
  };
}

function datedFuture(future: Scenario['datedFutures'][number]) {
  return contract(`${future.coin}USDT_${future.expiry}`, future.coin, { symbolType: 'delivery' });
}

const onBitget = (scenario: Scenario) => marketsOn(scenario, 'bitget');
const bitgetFutures = (scenario: Scenario) =>
  scenario.datedFutures.filter((future) => future.venue === 'bitget');

function liquidationFrame(symbol: string, side: 'long' | 'short', lotPrice: number, usd: number) {
  const at = Date.now();
  return {
    action: 'update',
    arg: { instType: 'usdt-futures', topic: 'liquidation' },
    // `side` is the position side (buy: a long was liquidated); `amount` is in the quote coin.
    data: [
      {
        symbol,
        side: side === 'long' ? 'buy' : 'sell',
        price: num(lotPrice),
        amount: num(usd, 6),
        ts: String(at),
      },
    ],
    ts: at,
  };
}

/** The channels each session subscribed to, as `instType/topic`. */
const subscriptions = new WeakMap<SocketSession, Set<string>>();
const LIQUIDATIONS = 'usdt-futures/liquidation';

function onSubscribe(session: SocketSession, args: unknown[]) {
  const channels = subscriptions.get(session) ?? new Set<string>();
  for (const arg of args) {
    const { instType, topic } = (arg ?? {}) as { instType?: string; topic?: string };
    if (topic !== 'liquidation' || typeof instType !== 'string') {
      session.send({ event: 'error', arg, code: '30001', msg: `channel does not exist: ${topic}` });
      continue;
    }
    channels.add(`${instType.toLowerCase()}/${topic}`);
    session.send({ event: 'subscribe', arg, connId: 'replay' });
  }
  subscriptions.set(session, channels);
}

export const bitget: ReplayVenue = {
  id: 'bitget',
  rest: {
    '/api/v2/mix/market/contracts': {
      answer: (_request, scenario) =>
        envelope([
          ...onBitget(scenario).map(({ coin, market }) =>
            contract(symbolOf(coin.coin), baseCoin(coin.coin), {
              fundInterval: market.fundingIntervalHours,
            }),
          ),
          ...bitgetFutures(scenario).map(datedFuture),
          ...EXCLUDED.map((excluded) => excluded.contract),
        ]),
      // A plausible change: the status field renamed.
      drift: (body) => {
        const answer = body as { data: Array<Record<string, unknown>> };
        for (const row of answer.data) {
          row.status = row.symbolStatus;
          delete row.symbolStatus;
        }
        return answer;
      },
    },
    '/api/v2/mix/market/tickers': {
      answer: (_request, scenario) =>
        envelope([
          ...onBitget(scenario).map(({ coin, market }) => coinTicker(coin, market)),
          ...bitgetFutures(scenario).map((future) => {
            const price = scenario.coins.find((coin) => coin.coin === future.coin)?.price ?? 1;
            return ticker(datedFuture(future).symbol, price * 1.01, price, future.oiCoins);
          }),
          ...EXCLUDED.map(({ contract: { symbol }, price, holding }) =>
            ticker(symbol, price, price, holding),
          ),
        ]),
      // A plausible change: open interest renamed as in the v3 API, prices sent as numbers.
      drift: (body) => {
        const answer = body as { data: Array<Record<string, unknown>> };
        for (const row of answer.data) {
          row.openInterest = row.holdingAmount;
          delete row.holdingAmount;
          row.lastPr = Number(row.lastPr);
        }
        return answer;
      },
    },
    // Newest first, `pageSize` (≤100) rows per `pageNo`; no time range is taken.
    '/api/v2/mix/market/history-fund-rate': {
      answer: ({ query, now }, scenario) => {
        const found = onBitget(scenario).find(
          ({ coin }) => symbolOf(coin.coin) === query.get('symbol'),
        );
        if (!found) return { code: '40034', msg: 'Parameter does not exist', data: null };
        const size = Math.min(100, Number(query.get('pageSize') || 20));
        const page = Number(query.get('pageNo') || 1);
        return envelope(
          settlementTimes(found.market, 0, now, now)
            .reverse()
            .slice((page - 1) * size, page * size)
            .map((time) => ({
              symbol: query.get('symbol'),
              fundingRate: String(venueFundingRate(found.coin, found.market)),
              fundingTime: String(time),
            })),
        );
      },
      drift: (body) => body,
    },
    '/api/v2/mix/market/current-fund-rate': {
      answer: (_request, scenario) =>
        envelope([
          ...onBitget(scenario).map(({ coin, market }) =>
            fundingRate(
              symbolOf(coin.coin),
              venueFundingRate(coin, market),
              market.fundingIntervalHours,
            ),
          ),
          ...EXCLUDED.map(({ contract: { symbol } }) => fundingRate(symbol, 0.0001, 8)),
        ]),
      // A plausible change: the interval renamed.
      drift: (body) => {
        const answer = body as { data: Array<Record<string, unknown>> };
        for (const row of answer.data) {
          row.fundingInterval = row.fundingRateInterval;
          delete row.fundingRateInterval;
        }
        return answer;
      },
    },
  },
  sockets: {
    '/v3/ws/public': {
      onMessage(session, text) {
        if (text === 'ping') {
          session.send('pong');
          return;
        }
        let request: { op?: unknown; args?: unknown };
        try {
          request = JSON.parse(text);
        } catch {
          session.send({ event: 'error', code: '30002', msg: 'Illegal request' });
          return;
        }
        if (request.op === 'subscribe' && Array.isArray(request.args)) {
          onSubscribe(session, request.args);
        }
      },
      pushLiquidation(session, liquidation: ScenarioLiquidation) {
        if (!subscriptions.get(session)?.has(LIQUIDATIONS)) return;
        const lot = lotOf(liquidation.coin);
        session.send(
          liquidationFrame(
            symbolOf(liquidation.coin),
            liquidation.side,
            liquidation.price * lot,
            liquidation.coins * liquidation.price,
          ),
        );
      },
      burstFrame(index, scenario) {
        const markets = onBitget(scenario);
        const found = markets[index % Math.max(1, markets.length)];
        const coin = found?.coin.coin ?? 'BTC';
        const price = found?.coin.price ?? 1;
        return liquidationFrame(
          symbolOf(coin),
          index % 2 ? 'short' : 'long',
          price * lotOf(coin),
          price,
        );
      },
    },
  },
};
