// Scenario files (test/scenarios/*.json) describe a market in venue-neutral terms; each venue
// module of the replay server renders them into that venue's own payloads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPLAY_VENUE_IDS = [
  'binance',
  'bybit',
  'okx',
  'hyperliquid',
  'bitget',
  'gate',
] as const;
const ReplayVenueId = z.enum(REPLAY_VENUE_IDS);
export type ReplayVenueId = z.infer<typeof ReplayVenueId>;

const VenueMarket = z.object({
  /** Single-sided open interest now, in coins. */
  oiCoins: z.number().nonnegative(),
  /** Funding per settlement as the venue quotes it; defaults to the coin's 8h rate scaled. */
  fundingRate: z.number().optional(),
  fundingIntervalHours: z.number().positive().default(8),
});
export type VenueMarket = z.output<typeof VenueMarket>;

/** A value relative to now: `factor` × the current value, `hoursAgo` hours ago. */
const HistoryPoint = z.object({
  hoursAgo: z.number().nonnegative(),
  factor: z.number().positive(),
});

const ScenarioCoin = z.object({
  coin: z.string(),
  price: z.number().positive(),
  change24hPct: z.number(),
  fundingRate8h: z.number().default(0.0001),
  /** Circulating supply in coins, where the scenario knows it (Binance reports it with OI history). */
  circulatingSupply: z.number().positive().optional(),
  /** Open interest (in coins, every venue alike) relative to now; flat when absent. */
  oiHistory: z.array(HistoryPoint).default([]),
  /** Price relative to now; when absent, a straight line from the 24h change. */
  priceHistory: z.array(HistoryPoint).optional(),
  venues: z.partialRecord(ReplayVenueId, VenueMarket),
});
export type ScenarioCoin = z.output<typeof ScenarioCoin>;

const DatedFuture = z.object({
  coin: z.string(),
  venue: ReplayVenueId,
  expiry: z.string(),
  oiCoins: z.number().nonnegative(),
});

const Liquidation = z.object({
  /** Seconds after the scenario starts playing. */
  atSeconds: z.number().nonnegative(),
  coin: z.string(),
  venue: ReplayVenueId,
  side: z.enum(['long', 'short']),
  coins: z.number().positive(),
  price: z.number().positive(),
});
export type ScenarioLiquidation = z.output<typeof Liquidation>;

/** Liquidation totals a venue reports in its history (Gate contract_stats), per bucket. */
const LiquidationHistoryBucket = z.object({
  coin: z.string(),
  venue: ReplayVenueId,
  /** Start of the bucket, minutes before now. */
  minutesAgo: z.number().nonnegative(),
  longUsd: z.number().nonnegative(),
  shortUsd: z.number().nonnegative(),
});

/** From `atSeconds` after the scenario starts, these coins move (factors against the start). */
const TimelineFrame = z.object({
  atSeconds: z.number().nonnegative(),
  coins: z.array(
    z.object({
      coin: z.string(),
      priceFactor: z.number().positive().default(1),
      oiFactor: z.number().positive().default(1),
      fundingRate8h: z.number().optional(),
    }),
  ),
});

/** Real recorded Binance liquidations (shared/data/real) replayed as the scenario's own. */
const RecordedLiquidations = z.object({
  /** Path under ../shared/data/real/ of a CSV of Binance liquidations (time, symbol, side, average price, filled quantity, USD value). */
  binanceCsv: z.string(),
  /** Seconds after the scenario starts at which the first recorded event is replayed. */
  startAtSeconds: z.number().nonnegative().default(0),
});

export const Scenario = z.object({
  name: z.string(),
  description: z.string(),
  coins: z.array(ScenarioCoin),
  timeline: z.array(TimelineFrame).default([]),
  recordedLiquidations: RecordedLiquidations.optional(),
  datedFutures: z.array(DatedFuture).default([]),
  liquidations: z.array(Liquidation).default([]),
  liquidationHistory: z.array(LiquidationHistoryBucket).default([]),
  /** Venues that are down for the whole scenario: every request to them answers this status. */
  venuesDown: z.partialRecord(ReplayVenueId, z.number().int()).default({}),
});
export type Scenario = z.output<typeof Scenario>;

const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Real recorded data lives beside the project (DESIGN.md), never inside it. */
export const REAL_DATA_DIR = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));

export function loadScenario(name: string): Scenario {
  const scenario = Scenario.parse(JSON.parse(readFileSync(`${SCENARIO_DIR}${name}.json`, 'utf8')));
  return scenario.recordedLiquidations
    ? withRecordedLiquidations(scenario, scenario.recordedLiquidations)
    : scenario;
}

const QUOTES = ['USDT', 'USDC'];
/** Binance lists some low-priced coins in lots: 1000PEPEUSDT is 1000 PEPE. */
const LOT_PREFIX = /^(1000000|10000|1000|1M)(?=[A-Z])/;

/**
 * Adds the recorded events to the scenario's liquidations, in their real order and spacing, and
 * a Binance market for every coin they name that the scenario lacks (priced at its first event,
 * with a modest OI) so that the extension tracks it. Throws if the file is missing: a test that
 * needs it should skip itself when the real data is absent.
 */
function withRecordedLiquidations(
  scenario: Scenario,
  recorded: z.output<typeof RecordedLiquidations>,
): Scenario {
  const rows = readFileSync(`${REAL_DATA_DIR}${recorded.binanceCsv}`, 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const events = rows.map((line) => {
    const [timestamp = '', symbol = '', side = '', avgPrice = '', filledQty = ''] = line.split(',');
    const quote = QUOTES.find((q) => symbol.endsWith(q)) ?? 'USDT';
    const base = symbol.slice(0, -quote.length);
    const lot = LOT_PREFIX.exec(base)?.[1];
    const factor = lot === undefined ? 1 : lot === '1M' ? 1_000_000 : Number(lot);
    return {
      time: Date.parse(timestamp.replace(' ', 'T') + (timestamp.endsWith('Z') ? '' : 'Z')),
      coin: lot === undefined ? base : base.slice(lot.length),
      // SELL is the liquidation order's side: a long was liquidated.
      side: side === 'SELL' ? ('long' as const) : ('short' as const),
      coins: Number(filledQty) * factor,
      price: Number(avgPrice) / factor,
    };
  });
  const first = Math.min(...events.map((event) => event.time));
  const known = new Set(scenario.coins.map((coin) => coin.coin));
  const added = new Map<string, ScenarioCoin>();
  for (const event of events) {
    if (known.has(event.coin) || added.has(event.coin)) continue;
    added.set(
      event.coin,
      ScenarioCoin.parse({
        coin: event.coin,
        price: event.price,
        change24hPct: 0,
        venues: { binance: { oiCoins: 10_000_000 / event.price } },
      }),
    );
  }
  return {
    ...scenario,
    coins: [...scenario.coins, ...added.values()],
    liquidations: [
      ...scenario.liquidations,
      ...events.map((event) => ({
        atSeconds: recorded.startAtSeconds + (event.time - first) / 1000,
        coin: event.coin,
        venue: 'binance' as const,
        side: event.side,
        coins: event.coins,
        price: event.price,
      })),
    ],
  };
}

/**
 * The scenario as it stands `elapsedSeconds` after it started: each coin moved by its latest
 * timeline frame. History keeps its absolute levels (factors are relative to now, so they are
 * divided by the move), and the 24h price change follows the price.
 */
export function scenarioAt(scenario: Scenario, elapsedSeconds: number): Scenario {
  if (scenario.timeline.length === 0) return scenario;
  const latest = new Map<string, z.output<typeof TimelineFrame>['coins'][number]>();
  for (const frame of [...scenario.timeline].sort((a, b) => a.atSeconds - b.atSeconds)) {
    if (frame.atSeconds > elapsedSeconds) break;
    for (const move of frame.coins) latest.set(move.coin, move);
  }
  return {
    ...scenario,
    coins: scenario.coins.map((coin) => {
      const move = latest.get(coin.coin);
      if (!move) return coin;
      const venues = Object.fromEntries(
        Object.entries(coin.venues).map(([venue, market]) => [
          venue,
          {
            ...market,
            oiCoins: market.oiCoins * move.oiFactor,
            fundingRate: move.fundingRate8h === undefined ? market.fundingRate : undefined,
          },
        ]),
      );
      return {
        ...coin,
        price: coin.price * move.priceFactor,
        change24hPct: ((1 + coin.change24hPct / 100) * move.priceFactor - 1) * 100,
        fundingRate8h: move.fundingRate8h ?? coin.fundingRate8h,
        oiHistory: coin.oiHistory.map((point) => ({
          ...point,
          factor: point.factor / move.oiFactor,
        })),
        priceHistory: coin.priceHistory?.map((point) => ({
          ...point,
          factor: point.factor / move.priceFactor,
        })),
        venues,
      };
    }),
  };
}

/** Funding as the venue would quote it for one settlement interval. */
export function venueFundingRate(coin: ScenarioCoin, market: VenueMarket): number {
  return market.fundingRate ?? (coin.fundingRate8h * market.fundingIntervalHours) / 8;
}

/** Piecewise-linear factor at `hoursAgo`; 1 now, flat before the oldest point. */
function factorAt(points: ReadonlyArray<z.output<typeof HistoryPoint>>, hoursAgo: number): number {
  const sorted = [{ hoursAgo: 0, factor: 1 }, ...points].sort((a, b) => a.hoursAgo - b.hoursAgo);
  for (let i = 1; i < sorted.length; i++) {
    const newer = sorted[i - 1];
    const older = sorted[i];
    if (newer && older && hoursAgo <= older.hoursAgo) {
      const span = older.hoursAgo - newer.hoursAgo;
      const t = span === 0 ? 1 : (hoursAgo - newer.hoursAgo) / span;
      return newer.factor + (older.factor - newer.factor) * t;
    }
  }
  return sorted[sorted.length - 1]?.factor ?? 1;
}

/** The coin's price `hoursAgo` hours ago. */
export function priceAt(coin: ScenarioCoin, hoursAgo: number): number {
  const points = coin.priceHistory ?? [{ hoursAgo: 24, factor: 1 / (1 + coin.change24hPct / 100) }];
  return coin.price * factorAt(points, hoursAgo);
}

/** One venue's open interest of the coin `hoursAgo` hours ago, in coins. */
export function oiCoinsAt(coin: ScenarioCoin, market: VenueMarket, hoursAgo: number): number {
  return market.oiCoins * factorAt(coin.oiHistory, hoursAgo);
}

/** The scenario's coins listed on one venue, with that venue's market. */
export function marketsOn(scenario: Scenario, venue: ReplayVenueId) {
  return scenario.coins.flatMap((coin) => {
    const market = coin.venues[venue];
    return market ? [{ coin, market }] : [];
  });
}

const SETTLEMENT_HOUR_MS = 3_600_000;
/** Funding history the venues serve, at most (OKX keeps three months; we chart 30 days). */
const FUNDING_SERVED_MS = 90 * 24 * SETTLEMENT_HOUR_MS;

/**
 * The market's funding settlements within [from, to] and the served past, oldest first. A
 * scenario scripts no funding history: every settlement pays the rate quoted now.
 */
export function settlementTimes(market: VenueMarket, from: number, to: number, now: number) {
  const interval = market.fundingIntervalHours * SETTLEMENT_HOUR_MS;
  const times: number[] = [];
  const first = Math.ceil(Math.max(from, now - FUNDING_SERVED_MS) / interval) * interval;
  for (let time = first; time <= Math.min(to, now); time += interval) times.push(time);
  return times;
}
