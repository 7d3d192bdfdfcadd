// Bybit v5 linear, as documented (shared/venue-apis.md §2): REST envelopes with str-num fields,
// `singleOpenInterest*` next to the two-sided `openInterest*`, and the public linear socket.
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
import type { ReplayVenue, SocketSession } from '../venue';

/** Coins Bybit lists in lots, as `1000PEPEUSDT`. */
const LOT_SIZES: Record<string, number> = {
  PEPE: 1000,
  BONK: 1000,
  SHIB: 1000,
  FLOKI: 1000,
  MOG: 1_000_000,
};

const lotOf = (coin: string) => LOT_SIZES[coin] ?? 1;
const baseCoin = (coin: string) => (lotOf(coin) > 1 ? `${lotOf(coin)}${coin}` : coin);
const symbolOf = (coin: string) => `${baseCoin(coin)}USDT`;
const num = (value: number, digits = 8) => String(Number(value.toFixed(digits)));

function envelope(result: unknown) {
  return { retCode: 0, retMsg: 'OK', result, retExtInfo: {}, time: Date.now() };
}

const HOUR = 3_600_000;

/** Hour starts from `from` to `to`, newest first as Bybit lists them, at most `limit`. */
function hoursBetween(from: number, to: number, limit: number): number[] {
  const hours: number[] = [];
  for (
    let hour = Math.floor(to / HOUR) * HOUR;
    hour >= from && hours.length < limit;
    hour -= HOUR
  ) {
    hours.push(hour);
  }
  return hours;
}

function findCoin(scenario: Scenario, symbol: string | null) {
  return marketsOn(scenario, 'bybit').find(({ coin }) => symbolOf(coin.coin) === symbol);
}

function ticker(coin: ScenarioCoin, market: VenueMarket) {
  const lot = lotOf(coin.coin);
  const lotPrice = coin.price * lot;
  const singleOi = market.oiCoins / lot;
  return {
    symbol: symbolOf(coin.coin),
    lastPrice: num(lotPrice),
    indexPrice: num(lotPrice),
    markPrice: num(lotPrice),
    prevPrice24h: num(lotPrice / (1 + coin.change24hPct / 100)),
    price24hPcnt: num(coin.change24hPct / 100, 6),
    openInterest: num(singleOi * 2, 3),
    openInterestValue: (singleOi * 2 * lotPrice).toFixed(2),
    singleOpenInterest: num(singleOi, 3),
    singleOpenInterestValue: (singleOi * lotPrice).toFixed(2),
    turnover24h: (singleOi * lotPrice * 0.8).toFixed(4),
    volume24h: num(singleOi * 0.8, 4),
    fundingRate: num(venueFundingRate(coin, market), 8),
    fundingIntervalHour: String(market.fundingIntervalHours),
    fundingCap: '0.005',
    nextFundingTime: String(Math.ceil(Date.now() / 28_800_000) * 28_800_000),
    bid1Price: num(lotPrice * 0.9999),
    bid1Size: '1',
    ask1Price: num(lotPrice * 1.0001),
    ask1Size: '1',
    deliveryTime: '0',
    basisRate: '',
    deliveryFeeRate: '',
    predictedDeliveryPrice: '',
  };
}

function datedFutureTicker(future: Scenario['datedFutures'][number], scenario: Scenario) {
  const price = scenario.coins.find((coin) => coin.coin === future.coin)?.price ?? 1;
  return {
    symbol: `${future.coin}USDT-${future.expiry}`,
    lastPrice: num(price * 1.01),
    markPrice: num(price * 1.01),
    price24hPcnt: '0.001',
    openInterest: num(future.oiCoins * 2, 3),
    openInterestValue: (future.oiCoins * 2 * price * 1.01).toFixed(2),
    singleOpenInterest: num(future.oiCoins, 3),
    singleOpenInterestValue: (future.oiCoins * price * 1.01).toFixed(2),
    fundingRate: '',
    nextFundingTime: '',
    deliveryTime: String(Date.now() + 30 * 86_400_000),
  };
}

function instrument(symbol: string, base: string, contractType: string, fundingMinutes: number) {
  return {
    symbol,
    contractType,
    status: 'Trading',
    baseCoin: base,
    quoteCoin: 'USDT',
    settleCoin: 'USDT',
    launchTime: '1585526400000',
    deliveryTime: '0',
    priceScale: '2',
    fundingInterval: fundingMinutes,
    leverageFilter: { minLeverage: '1', maxLeverage: '100.00', leverageStep: '0.01' },
    lotSizeFilter: { maxOrderQty: '1190', minOrderQty: '0.001', qtyStep: '0.001' },
  };
}

function liquidationFrame(
  symbol: string,
  side: 'long' | 'short',
  lots: number,
  lotPrice: number,
  at: number,
) {
  // `S` is the position side: Buy means a long position was liquidated.
  return {
    topic: `allLiquidation.${symbol}`,
    type: 'snapshot',
    ts: at,
    data: [
      { T: at, s: symbol, S: side === 'long' ? 'Buy' : 'Sell', v: num(lots, 3), p: num(lotPrice) },
    ],
  };
}

const subscriptions = new WeakMap<SocketSession, Set<string>>();

export const bybit: ReplayVenue = {
  id: 'bybit',
  rest: {
    '/v5/market/instruments-info': {
      answer: (_request, scenario) =>
        envelope({
          category: 'linear',
          nextPageCursor: '',
          list: [
            ...marketsOn(scenario, 'bybit').map(({ coin, market }) =>
              instrument(
                symbolOf(coin.coin),
                baseCoin(coin.coin),
                'LinearPerpetual',
                market.fundingIntervalHours * 60,
              ),
            ),
            ...scenario.datedFutures.map((future) =>
              instrument(`${future.coin}USDT-${future.expiry}`, future.coin, 'LinearFutures', 0),
            ),
          ],
        }),
      drift: (body) => body,
    },
    '/v5/market/open-interest': {
      // Pages of 200 hourly rows, newest first; the cursor is the next page's end time.
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('symbol'));
        const end = Number(query.get('cursor') || query.get('endTime') || now);
        const start = Number(query.get('startTime') || end - 30 * 24 * HOUR);
        const hours = found ? hoursBetween(start, end, Number(query.get('limit') || 50)) : [];
        const last = hours[hours.length - 1];
        const more = last !== undefined && last - HOUR >= start;
        return envelope({
          category: 'linear',
          symbol: query.get('symbol'),
          list: hours.map((hour) => {
            const lots = found
              ? oiCoinsAt(found.coin, found.market, (now - hour) / HOUR) / lotOf(found.coin.coin)
              : 0;
            return {
              openInterest: num(lots * 2, 3),
              singleOpenInterest: num(lots, 3),
              timestamp: String(hour),
            };
          }),
          nextPageCursor: more ? String(last - HOUR) : '',
        });
      },
      drift: (body) => body,
    },
    // Newest first, at most `limit`, within [startTime, endTime] (both required by Bybit).
    '/v5/market/funding/history': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('symbol'));
        const start = query.get('startTime');
        const end = Number(query.get('endTime') || now);
        if (start !== null && query.get('endTime') === null)
          return { retCode: 10001, retMsg: 'params error', result: {}, retExtInfo: {}, time: now };
        const times = found
          ? settlementTimes(found.market, Number(start ?? end - 200 * 8 * HOUR), end, now)
          : [];
        return envelope({
          category: 'linear',
          list: times
            .reverse()
            .slice(0, Number(query.get('limit') || 200))
            .map((time) => ({
              symbol: query.get('symbol'),
              fundingRate: found ? num(venueFundingRate(found.coin, found.market)) : '0',
              fundingRateTimestamp: String(time),
            })),
        });
      },
      drift: (body) => body,
    },
    '/v5/market/mark-price-kline': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('symbol'));
        const end = Number(query.get('end') || now);
        const start = Number(query.get('start') || end - 200 * HOUR);
        const hours = found ? hoursBetween(start, end, Number(query.get('limit') || 200)) : [];
        return envelope({
          category: 'linear',
          symbol: query.get('symbol'),
          list: hours.map((hour) => {
            const close = found
              ? priceAt(found.coin, (now - hour) / HOUR) * lotOf(found.coin.coin)
              : 0;
            return [String(hour), num(close), num(close), num(close), num(close)];
          }),
        });
      },
      drift: (body) => body,
    },
    '/v5/market/tickers': {
      answer: (_request, scenario) =>
        envelope({
          category: 'linear',
          list: [
            ...marketsOn(scenario, 'bybit').map(({ coin, market }) => ticker(coin, market)),
            ...scenario.datedFutures.map((future) => datedFutureTicker(future, scenario)),
          ],
        }),
      // A plausible change: the one-sided fields renamed, numbers sent as numbers.
      drift: (body) => {
        const answer = body as { result: { list: Array<Record<string, unknown>> } };
        for (const row of answer.result.list) {
          row.oneSidedOpenInterestValue = Number(row.singleOpenInterestValue);
          delete row.singleOpenInterestValue;
          row.lastPrice = Number(row.lastPrice);
        }
        return answer;
      },
    },
  },
  sockets: {
    '/v5/public/linear': {
      onMessage(session, text) {
        let request: { op?: string; args?: unknown; req_id?: string };
        try {
          request = JSON.parse(text);
        } catch {
          session.send({ success: false, ret_msg: 'Invalid JSON', op: 'unknown' });
          return;
        }
        if (request.op === 'ping') {
          session.send({ success: true, ret_msg: 'pong', conn_id: 'replay', op: 'ping' });
          return;
        }
        if (request.op === 'subscribe' && Array.isArray(request.args)) {
          const topics = subscriptions.get(session) ?? new Set<string>();
          for (const topic of request.args) topics.add(String(topic));
          subscriptions.set(session, topics);
          session.send({
            success: true,
            ret_msg: '',
            conn_id: 'replay',
            req_id: request.req_id ?? '',
            op: 'subscribe',
          });
        }
      },
      pushLiquidation(session, liquidation: ScenarioLiquidation) {
        const symbol = symbolOf(liquidation.coin);
        if (!subscriptions.get(session)?.has(`allLiquidation.${symbol}`)) return;
        const lot = lotOf(liquidation.coin);
        session.send(
          liquidationFrame(
            symbol,
            liquidation.side,
            liquidation.coins / lot,
            liquidation.price * lot,
            Date.now(),
          ),
        );
      },
      burstFrame(index, scenario) {
        const coin = scenario.coins[index % Math.max(1, scenario.coins.length)];
        const symbol = coin ? symbolOf(coin.coin) : 'BTCUSDT';
        // Sizes differ per event, so that a burst is thousands of distinct liquidations.
        return liquidationFrame(
          symbol,
          index % 2 ? 'short' : 'long',
          1 + index / 1000,
          (coin?.price ?? 1) * lotOf(coin?.coin ?? ''),
          Date.now(),
        );
      },
    },
  },
};
