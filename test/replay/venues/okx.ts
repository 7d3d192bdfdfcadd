// OKX v5 SWAP, as documented (shared/venue-apis.md §3): `{code, msg, data}` envelopes with
// str-num fields, contracts of ctVal coins, rubik history rows as arrays, and the public socket
// with its text ping/pong and the all-swaps `liquidation-orders` channel.
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

const HOUR = 3_600_000;

/** Coins per contract (ctVal; ctMult is 1 on every OKX swap we render). */
const CONTRACT_VALUES: Record<string, number> = {
  BTC: 0.01,
  ETH: 0.1,
  XRP: 100,
  DOGE: 1000,
  PEPE: 10_000_000,
  SHIB: 1_000_000,
};

const ctValOf = (coin: string) => CONTRACT_VALUES[coin] ?? 1;
const instIdOf = (coin: string) => `${coin}-USDT-SWAP`;
/** Ten significant digits: enough that figures recomputed from the strings match the scenario. */
const num = (value: number) => String(Number(value.toPrecision(10)));

function envelope(data: unknown) {
  return { code: '0', msg: '', data };
}

/** A market in the answers that is not a linear crypto swap, so the venue must leave it out. */
interface ExcludedMarket {
  instrument: Record<string, string>;
  price: number;
  oiCoins: number;
}

function instrument(instId: string, over: Record<string, string> = {}) {
  const coin = instId.split('-')[0] ?? instId;
  return {
    instType: 'SWAP',
    instId,
    uly: `${coin}-USDT`,
    instFamily: `${coin}-USDT`,
    instCategory: '1',
    baseCcy: '',
    quoteCcy: '',
    settleCcy: 'USDT',
    ctVal: num(ctValOf(coin)),
    ctMult: '1',
    ctValCcy: coin,
    ctType: 'linear',
    optType: '',
    stk: '',
    listTime: '1611916828000',
    expTime: '',
    lever: '100',
    tickSz: '0.1',
    lotSz: '1',
    minSz: '1',
    alias: '',
    state: 'live',
    ruleType: 'normal',
    ...over,
  };
}

/** An inverse swap (one contract = 100 USD) and a stock perpetual, both beside the real coins. */
function excludedMarkets(scenario: Scenario): ExcludedMarket[] {
  const btc = scenario.coins.find((coin) => coin.coin === 'BTC');
  const inverse: ExcludedMarket[] = btc
    ? [
        {
          instrument: instrument('BTC-USD-SWAP', {
            uly: 'BTC-USD',
            instFamily: 'BTC-USD',
            settleCcy: 'BTC',
            ctVal: '100',
            ctValCcy: 'USD',
            ctType: 'inverse',
          }),
          price: btc.price,
          oiCoins: 5000,
        },
      ]
    : [];
  const stock = {
    instrument: instrument('TSLA-USDT-SWAP', {
      instCategory: '3',
      ctVal: '0.01',
      ctValCcy: 'TSLA',
    }),
    price: 250,
    oiCoins: 40_000,
  };
  return [...inverse, stock];
}

function openInterest(instId: string, coins: number, price: number, contractValue: number) {
  return {
    instType: 'SWAP',
    instId,
    oi: num(coins / contractValue),
    oiCcy: num(coins),
    oiUsd: num(coins * price),
    ts: String(Date.now()),
  };
}

function ticker(instId: string, price: number, change24hPct: number) {
  return {
    instType: 'SWAP',
    instId,
    last: num(price),
    lastSz: '1',
    askPx: num(price * 1.0001),
    askSz: '10',
    bidPx: num(price * 0.9999),
    bidSz: '10',
    open24h: num(price / (1 + change24hPct / 100)),
    high24h: num(price * 1.02),
    low24h: num(price * 0.98),
    volCcy24h: '1000',
    vol24h: '100000',
    sodUtc0: num(price),
    sodUtc8: num(price),
    ts: String(Date.now()),
  };
}

/** `fundingTime` is the coming settlement and `nextFundingTime` the one after it. */
function funding(instId: string, rate: number, intervalHours: number) {
  const interval = intervalHours * HOUR;
  const fundingTime = Math.ceil(Date.now() / interval) * interval;
  return {
    instType: 'SWAP',
    instId,
    fundingRate: num(rate),
    fundingTime: String(fundingTime),
    nextFundingTime: String(fundingTime + interval),
    minFundingRate: '-0.0075',
    maxFundingRate: '0.0075',
    method: 'current_period',
    formulaType: 'withRate',
    premium: '0.0001',
    settFundingRate: num(rate),
    settState: 'settled',
    interestRate: '0.0001',
    impactValue: '',
    nextFundingRate: '',
    ts: String(Date.now()),
  };
}

const coinMarkets = (scenario: Scenario) => marketsOn(scenario, 'okx');

function findCoin(scenario: Scenario, instId: string | null) {
  return coinMarkets(scenario).find(({ coin }) => instIdOf(coin.coin) === instId);
}

/** Hour starts from `end` back to `begin`, newest first as OKX lists them, at most `limit`. */
function hoursBetween(begin: number, end: number, limit: number): number[] {
  const hours: number[] = [];
  for (
    let hour = Math.floor(end / HOUR) * HOUR;
    hour >= begin && hours.length < limit;
    hour -= HOUR
  )
    hours.push(hour);
  return hours;
}

function historyRow(coin: ScenarioCoin, market: VenueMarket, hour: number, now: number) {
  const hoursAgo = (now - hour) / HOUR;
  const coins = oiCoinsAt(coin, market, hoursAgo);
  return [
    String(hour),
    num(coins / ctValOf(coin.coin)),
    num(coins),
    num(coins * priceAt(coin, hoursAgo)),
  ];
}

function liquidationFrame(coin: string, side: 'long' | 'short', coins: number, price: number) {
  // `side` is the liquidation order's side: sell closes (liquidates) a long.
  return {
    arg: { channel: 'liquidation-orders', instType: 'SWAP' },
    data: [
      {
        instId: instIdOf(coin),
        instFamily: `${coin}-USDT`,
        instType: 'SWAP',
        uly: `${coin}-USDT`,
        details: [
          {
            side: side === 'long' ? 'sell' : 'buy',
            posSide: side,
            bkPx: num(price),
            sz: num(coins / ctValOf(coin)),
            bkLoss: '0',
            ccy: '',
            ts: String(Date.now()),
          },
        ],
      },
    ],
  };
}

const subscribed = new WeakSet<SocketSession>();

function onSubscribe(session: SocketSession, args: unknown[]) {
  for (const arg of args) {
    const { channel, instType } = (arg ?? {}) as { channel?: string; instType?: string };
    if (channel === 'liquidation-orders' && instType === 'SWAP') {
      subscribed.add(session);
      session.send({ event: 'subscribe', arg, connId: 'replay0' });
    } else {
      session.send({
        event: 'error',
        code: '60018',
        msg: `Wrong URL or channel:${channel ?? ''} doesn't exist.`,
        connId: 'replay0',
      });
    }
  }
}

type Row = Record<string, unknown>;

export const okx: ReplayVenue = {
  id: 'okx',
  rest: {
    '/api/v5/public/instruments': {
      answer: (_request, scenario) =>
        envelope([
          ...coinMarkets(scenario).map(({ coin }) => instrument(instIdOf(coin.coin))),
          ...excludedMarkets(scenario).map((market) => market.instrument),
        ]),
      drift: (body) => body,
    },
    '/api/v5/public/open-interest': {
      answer: (_request, scenario) =>
        envelope([
          ...coinMarkets(scenario).map(({ coin, market }) =>
            openInterest(instIdOf(coin.coin), market.oiCoins, coin.price, ctValOf(coin.coin)),
          ),
          ...excludedMarkets(scenario).map(({ instrument: item, price, oiCoins }) =>
            openInterest(String(item.instId), oiCoins, price, Number(item.ctVal)),
          ),
        ]),
      // A plausible change: the USD figure renamed, and sent as a number.
      drift: (body) => {
        const answer = body as { data: Row[] };
        for (const row of answer.data) {
          row.oiValue = Number(row.oiUsd);
          delete row.oiUsd;
        }
        return answer;
      },
    },
    '/api/v5/market/tickers': {
      answer: (_request, scenario) =>
        envelope([
          ...coinMarkets(scenario).map(({ coin }) =>
            ticker(instIdOf(coin.coin), coin.price, coin.change24hPct),
          ),
          ...excludedMarkets(scenario).map(({ instrument: item, price }) =>
            ticker(String(item.instId), price, 0),
          ),
        ]),
      // A plausible change: prices sent as numbers.
      drift: (body) => {
        const answer = body as { data: Row[] };
        for (const row of answer.data) row.last = Number(row.last);
        return answer;
      },
    },
    '/api/v5/public/funding-rate': {
      // `instId=ANY` answers every swap; any other instId just that one.
      answer: ({ query }, scenario) => {
        const rows = [
          ...coinMarkets(scenario).map(({ coin, market }) =>
            funding(
              instIdOf(coin.coin),
              venueFundingRate(coin, market),
              market.fundingIntervalHours,
            ),
          ),
          ...excludedMarkets(scenario).map(({ instrument: item }) =>
            funding(String(item.instId), 0.0001, 8),
          ),
        ];
        const instId = query.get('instId');
        return envelope(instId === 'ANY' ? rows : rows.filter((row) => row.instId === instId));
      },
      // A plausible change: the settlement times renamed.
      drift: (body) => {
        const answer = body as { data: Row[] };
        for (const row of answer.data) {
          row.settleTime = row.fundingTime;
          delete row.fundingTime;
        }
        return answer;
      },
    },
    // Newest first, at most `limit` (≤100), older than `after` when given.
    '/api/v5/public/funding-rate-history': {
      answer: ({ query, now }, scenario) => {
        const instId = query.get('instId');
        const found = findCoin(scenario, instId);
        if (!found) return { code: '51001', msg: "Instrument ID doesn't exist.", data: [] };
        const before = Number(query.get('after') || now + 1);
        const rate = venueFundingRate(found.coin, found.market);
        return envelope(
          settlementTimes(found.market, 0, before - 1, now)
            .reverse()
            .slice(0, Math.min(100, Number(query.get('limit') || 100)))
            .map((time) => ({
              instType: 'SWAP',
              instId,
              fundingRate: num(rate),
              realizedRate: num(rate),
              fundingTime: String(time),
              method: 'current_period',
              formulaType: 'withRate',
            })),
        );
      },
      drift: (body) => body,
    },
    '/api/v5/rubik/stat/contracts/open-interest-history': {
      // Hourly rows newest first, at most `limit` (≤ 100), between `begin` and `end` inclusive.
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('instId'));
        if (!found) return { code: '51001', msg: "Instrument ID doesn't exist.", data: [] };
        const end = Number(query.get('end') || now);
        const begin = Number(query.get('begin') || 0);
        const limit = Math.min(Number(query.get('limit') || 100), 100);
        return envelope(
          hoursBetween(begin, Math.min(end, now), limit).map((hour) =>
            historyRow(found.coin, found.market, hour, now),
          ),
        );
      },
      drift: (body) => body,
    },
  },
  sockets: {
    '/ws/v5/public': {
      onMessage(session, text) {
        if (text === 'ping') {
          session.send('pong');
          return;
        }
        let request: { op?: string; args?: unknown };
        try {
          request = JSON.parse(text);
        } catch {
          session.send({
            event: 'error',
            code: '60012',
            msg: `Invalid request: ${text}`,
            connId: 'replay0',
          });
          return;
        }
        if (request.op === 'subscribe' && Array.isArray(request.args))
          onSubscribe(session, request.args);
      },
      pushLiquidation(session, liquidation: ScenarioLiquidation) {
        if (!subscribed.has(session)) return;
        session.send(
          liquidationFrame(
            liquidation.coin,
            liquidation.side,
            liquidation.coins,
            liquidation.price,
          ),
        );
      },
      burstFrame(index, scenario) {
        const coin = scenario.coins[index % Math.max(1, scenario.coins.length)];
        return liquidationFrame(
          coin?.coin ?? 'BTC',
          index % 2 ? 'short' : 'long',
          ctValOf(coin?.coin ?? 'BTC'),
          coin?.price ?? 1,
        );
      },
    },
  },
};
