// Bybit v5 linear, as documented (shared/venue-apis.md §2): REST envelopes with str-num fields,
// `singleOpenInterest*` next to the two-sided `openInterest*`, and the public linear socket.
import type { Scenario, ScenarioCoin, ScenarioLiquidation } from '../scenario';
import { venueFundingRate } from '../scenario';
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

function perpetuals(scenario: Scenario) {
  return scenario.coins.flatMap((coin) =>
    coin.venues.bybit ? [{ coin, market: coin.venues.bybit }] : [],
  );
}

function ticker(coin: ScenarioCoin, market: NonNullable<ScenarioCoin['venues']['bybit']>) {
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
      answer: (_query, scenario) =>
        envelope({
          category: 'linear',
          nextPageCursor: '',
          list: [
            ...perpetuals(scenario).map(({ coin, market }) =>
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
    '/v5/market/tickers': {
      answer: (_query, scenario) =>
        envelope({
          category: 'linear',
          list: [
            ...perpetuals(scenario).map(({ coin, market }) => ticker(coin, market)),
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
        return liquidationFrame(
          symbol,
          index % 2 ? 'short' : 'long',
          1,
          (coin?.price ?? 1) * lotOf(coin?.coin ?? ''),
          Date.now(),
        );
      },
    },
  },
};
