// Gate USDT futures, API v4, as documented (shared/venue-apis.md §8): bare JSON lists (errors are
// HTTP statuses), str-num prices but some JSON numbers, times in SECONDS, contracts of
// quanto_multiplier coins, contract_stats with per-bucket long/short liquidation USD, and the
// futures socket with its `futures.ping` channel and `futures.public_liquidates`.
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
const MINUTE = 60_000;

/** Coins per contract. */
const QUANTO_MULTIPLIERS: Record<string, number> = {
  BTC: 0.0001,
  ETH: 0.01,
  XRP: 10,
  DOGE: 10,
  PEPE: 10_000_000,
  SHIB: 10_000,
};

const quantoOf = (coin: string) => QUANTO_MULTIPLIERS[coin] ?? 1;
const contractOf = (coin: string) => `${coin}_USDT`;
/** Ten significant digits: enough that figures recomputed from the strings match the scenario. */
const num = (value: number) => String(Number(value.toPrecision(10)));
const seconds = (ms: number) => Math.floor(ms / 1000);

const INTERVAL_SECONDS: Record<string, number> = {
  '5m': 300,
  '15m': 900,
  '30m': 1800,
  '1h': 3600,
  '4h': 14_400,
  '1d': 86_400,
};

interface ContractFlags {
  fundingIntervalHours?: number;
  inDelisting?: boolean;
  status?: string;
  contractType?: string;
}

function contract(name: string, quanto: number, price: number, flags: ContractFlags = {}) {
  return {
    name,
    type: 'direct',
    quanto_multiplier: num(quanto),
    leverage_min: '1',
    leverage_max: '100',
    maintenance_rate: '0.004',
    mark_type: 'index',
    mark_price: num(price),
    index_price: num(price),
    last_price: num(price),
    maker_fee_rate: '-0.0001',
    taker_fee_rate: '0.00075',
    order_price_round: '0.1',
    mark_price_round: '0.01',
    funding_rate: '0.0001',
    funding_interval: (flags.fundingIntervalHours ?? 8) * 3600,
    funding_next_apply: seconds(Date.now()) + 3600,
    risk_limit_base: '1000000',
    risk_limit_step: '1000000',
    risk_limit_max: '8000000',
    order_size_min: '1',
    order_size_max: '1000000',
    enable_decimal: false,
    order_price_deviate: '0.5',
    ref_discount_rate: '0',
    ref_rebate_rate: '0.2',
    orderbook_id: 1,
    trade_id: 1,
    trade_size: '1000000',
    position_size: '1000',
    config_change_time: seconds(Date.now()) - 86_400,
    in_delisting: flags.inDelisting ?? false,
    orders_limit: 50,
    enable_bonus: true,
    enable_credit: true,
    create_time: 1_600_000_000,
    funding_cap_ratio: '0.75',
    status: flags.status ?? 'trading',
    launch_time: 1_600_000_000,
    contract_type: flags.contractType ?? '',
  };
}

function ticker(name: string, quanto: number, price: number, oiCoins: number, extra: TickerExtra) {
  return {
    contract: name,
    last: num(price),
    change_percentage: num(extra.change24hPct),
    total_size: num(oiCoins / quanto),
    low_24h: num(price * 0.98),
    high_24h: num(price * 1.02),
    volume_24h: '100000',
    volume_24h_base: num(oiCoins / 2),
    volume_24h_quote: num((oiCoins / 2) * price),
    volume_24h_settle: num((oiCoins / 2) * price),
    mark_price: num(price),
    funding_rate: num(extra.fundingRate),
    funding_rate_indicative: num(extra.fundingRate),
    index_price: num(price),
    highest_bid: num(price * 0.9999),
    highest_size: '100',
    lowest_ask: num(price * 1.0001),
    lowest_size: '100',
  };
}

interface TickerExtra {
  change24hPct: number;
  fundingRate: number;
}

/** A delisting coin and a stock perpetual: listed beside the real coins, never tracked. */
const EXCLUDED = [
  {
    contract: contract('OLD_USDT', 1, 0.5, { inDelisting: true, status: 'delisting' }),
    price: 0.5,
    oiCoins: 2_000_000,
  },
  {
    contract: contract('TSLA_USDT', 0.01, 250, { contractType: 'stocks' }),
    price: 250,
    oiCoins: 40_000,
  },
];

const coinMarkets = (scenario: Scenario) => marketsOn(scenario, 'gate');

function findCoin(scenario: Scenario, name: string | null) {
  return coinMarkets(scenario).find(({ coin }) => contractOf(coin.coin) === name);
}

/** A contract_stats bucket: its start and length, in seconds. */
interface StatBucket {
  time: number;
  step: number;
}

/** The scenario's liquidation USD of one coin, long and short, within the bucket. */
function liquidatedIn(scenario: Scenario, coin: string, { time, step }: StatBucket, now: number) {
  let longUsd = 0;
  let shortUsd = 0;
  for (const bucket of scenario.liquidationHistory) {
    const at = (now - bucket.minutesAgo * MINUTE) / 1000;
    if (bucket.venue !== 'gate' || bucket.coin !== coin || at < time || at >= time + step) continue;
    longUsd += bucket.longUsd;
    shortUsd += bucket.shortUsd;
  }
  return { longUsd, shortUsd };
}

function statRow(
  { coin, market }: { coin: ScenarioCoin; market: VenueMarket },
  bucket: StatBucket,
  now: number,
  scenario: Scenario,
) {
  const hoursAgo = (now - bucket.time * 1000) / HOUR;
  const price = priceAt(coin, hoursAgo);
  const oiCoins = oiCoinsAt(coin, market, hoursAgo);
  const quanto = quantoOf(coin.coin);
  const { longUsd, shortUsd } = liquidatedIn(scenario, coin.coin, bucket, now);
  // Sizes are strings and USD figures numbers, as in the current field table.
  return {
    time: bucket.time,
    lsr_taker: 1.1,
    lsr_account: 1.4,
    long_liq_size: num(longUsd / price / quanto),
    long_liq_amount: longUsd / price,
    long_liq_usd: longUsd,
    short_liq_size: num(shortUsd / price / quanto),
    short_liq_amount: shortUsd / price,
    short_liq_usd: shortUsd,
    open_interest: num(oiCoins / quanto),
    open_interest_usd: oiCoins * price,
    top_lsr_account: 1.2,
    top_lsr_size: '1.3',
    mark_price: price,
  };
}

/** Bucket starts (s) from `from` on, oldest first, at most `limit`, none in the future. */
function bucketsFrom(from: number, step: number, limit: number, now: number): number[] {
  const times: number[] = [];
  for (
    let time = Math.ceil(from / step) * step;
    time <= seconds(now) && times.length < limit;
    time += step
  )
    times.push(time);
  return times;
}

function liquidationItem(coin: string, side: 'long' | 'short', coins: number, price: number) {
  // Contracts signed by the liquidation order's side: a long is liquidated by a sell, negative.
  const contracts = coins / quantoOf(coin);
  return {
    contract: contractOf(coin),
    price: num(price),
    size: side === 'long' ? -contracts : contracts,
  };
}

const subscriptions = new WeakMap<SocketSession, Set<string>>();

function header(channel: string, event: string) {
  const now = Date.now();
  return { time: seconds(now), time_ms: now, channel, event };
}

export const gate: ReplayVenue = {
  id: 'gate',
  rest: {
    '/api/v4/futures/usdt/contracts': {
      // Pages of `limit` (default 100) from `offset`.
      answer: ({ query }, scenario) => {
        const all = [
          ...coinMarkets(scenario).map(({ coin, market }) =>
            contract(contractOf(coin.coin), quantoOf(coin.coin), coin.price, {
              fundingIntervalHours: market.fundingIntervalHours,
            }),
          ),
          ...EXCLUDED.map((excluded) => excluded.contract),
        ];
        const offset = Number(query.get('offset') || 0);
        return all.slice(offset, offset + Number(query.get('limit') || 100));
      },
      drift: (body) => body,
    },
    '/api/v4/futures/usdt/tickers': {
      answer: (_request, scenario) => [
        ...coinMarkets(scenario).map(({ coin, market }) =>
          ticker(contractOf(coin.coin), quantoOf(coin.coin), coin.price, market.oiCoins, {
            change24hPct: coin.change24hPct,
            fundingRate: venueFundingRate(coin, market),
          }),
        ),
        ...EXCLUDED.map((excluded) =>
          ticker(
            excluded.contract.name,
            Number(excluded.contract.quanto_multiplier),
            excluded.price,
            excluded.oiCoins,
            { change24hPct: 0, fundingRate: 0.0001 },
          ),
        ),
      ],
      // A plausible change: open interest renamed, prices sent as numbers.
      drift: (body) => {
        const rows = body as Array<Record<string, unknown>>;
        for (const row of rows) {
          row.open_interest = row.total_size;
          delete row.total_size;
          row.last = Number(row.last);
        }
        return rows;
      },
    },
    // Newest first, times in seconds, within [from, to], at most `limit` (default 100).
    '/api/v4/futures/usdt/funding_rate': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('contract'));
        if (!found) return [];
        const to = Number(query.get('to') || seconds(now)) * 1000;
        const from = Number(query.get('from') || 0) * 1000;
        return settlementTimes(found.market, from, to, now)
          .reverse()
          .slice(0, Number(query.get('limit') || 100))
          .map((time) => ({
            t: seconds(time),
            r: String(venueFundingRate(found.coin, found.market)),
          }));
      },
      drift: (body) => body,
    },
    '/api/v4/futures/usdt/contract_stats': {
      answer: ({ query, now }, scenario) => {
        const found = findCoin(scenario, query.get('contract'));
        const step = INTERVAL_SECONDS[query.get('interval') || '5m'];
        if (!found || step === undefined) return [];
        const limit = Number(query.get('limit') || 30);
        const from = Number(query.get('from') || seconds(now) - limit * step);
        return bucketsFrom(from, step, limit, now).map((time) =>
          statRow(found, { time, step }, now, scenario),
        );
      },
      drift: (body) => body,
    },
  },
  sockets: {
    '/v4/ws/usdt': {
      onMessage(session, text) {
        let request: { channel?: string; event?: string; payload?: unknown };
        try {
          request = JSON.parse(text);
        } catch {
          session.send({
            ...header('', ''),
            error: { code: 2, message: 'request is not valid JSON' },
            result: { status: 'failed' },
          });
          return;
        }
        if (request.channel === 'futures.ping') {
          session.send({ ...header('futures.pong', ''), result: null });
          return;
        }
        const channel = request.channel ?? '';
        if (channel !== 'futures.public_liquidates' || request.event !== 'subscribe') {
          session.send({
            ...header(channel, request.event ?? ''),
            error: { code: 1, message: `unknown channel ${channel}` },
            result: { status: 'failed' },
          });
          return;
        }
        const payload = Array.isArray(request.payload) ? request.payload.map(String) : [];
        subscriptions.set(session, new Set([...(subscriptions.get(session) ?? []), ...payload]));
        session.send({ ...header(channel, 'subscribe'), payload, result: { status: 'success' } });
      },
      // The shape live frames have (gateio/WebSocket-API#132): one bare object whose `time` is ms.
      pushLiquidation(session, liquidation: ScenarioLiquidation) {
        const topics = subscriptions.get(session);
        const contractName = contractOf(liquidation.coin);
        if (!topics || !(topics.has('!all') || topics.has(contractName))) return;
        session.send({
          ...header('futures.public_liquidates', 'update'),
          result: {
            ...liquidationItem(
              liquidation.coin,
              liquidation.side,
              liquidation.coins,
              liquidation.price,
            ),
            time: Date.now(),
          },
        });
      },
      // The documented shape: an array of items carrying `time_ms`.
      burstFrame(index, scenario) {
        const coin = scenario.coins[index % Math.max(1, scenario.coins.length)];
        const name = coin?.coin ?? 'BTC';
        return {
          ...header('futures.public_liquidates', 'update'),
          result: [
            {
              ...liquidationItem(
                name,
                index % 2 ? 'short' : 'long',
                quantoOf(name),
                coin?.price ?? 1,
              ),
              time_ms: Date.now(),
            },
          ],
        };
      },
    },
  },
};
