// Politeness, measured: one simulated hour of the whole background service (every venue, default
// settings) against the replay server with realistic market counts, counting what each venue's
// REST API would have been asked, in the unit of its documented per-IP limit.
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { WebSocket } from 'ws';
import { openDatabase } from '../../src/background/database';
import { createService } from '../../src/background/service';
import { DEFAULT_SIGNAL_SETTINGS } from '../../src/core/settings';
import { VENUES } from '../../src/venues/index';
import type { Venue } from '../../src/venues/venue';
import { memoryStore } from '../integration/memory-store';
import { type ReplayVenueId, Scenario } from '../replay/scenario';
import { type LoggedRequest, startReplayServer } from '../replay/server';

const MINUTE_MS = 60_000;
const SIMULATED_MINUTES = 60;
/** USDT/USDC perpetuals each venue lists, roughly, in 2025. */
const MARKETS: Record<ReplayVenueId, number> = {
  binance: 550,
  bybit: 500,
  okx: 250,
  hyperliquid: 200,
  bitget: 500,
  gate: 600,
};
const COINS = Math.max(...Object.values(MARKETS));
/** What a reader looks at each minute: the largest coins, and others that change every 10 min. */
const READER = { largest: 6, others: 4, othersChangeEveryMinutes: 10 };
/** History refreshes are not awaited by contexts(): a minute is over when requests stop. */
const QUIET_MS = 200;

/**
 * Binance's history and supply calls weigh 0 but draw on their own pool, which the venue's
 * rateLimit does not describe (shared/venue-apis.md §1.2).
 */
const BINANCE_FUTURES_DATA = {
  prefix: '/futures/data/',
  budget: 1000,
  windowMs: 5 * MINUTE_MS,
  source: 'Binance futures/data: 1000 requests per 5 min per IP (weight 0)',
};

export interface VenuePoliteness {
  venue: string;
  unit: string;
  requests: number;
  /** Requests, or weight where the limit is in weight. */
  used: number;
  /** Used in each simulated minute. */
  perMinute: number[];
  perMinuteAverage: number;
  perMinuteBusiest: number;
  busiestMinute: number;
  limitPerMinute: number;
  source: string;
  averagePct: number;
  busiestPct: number;
  /**
   * The most used within any one of the venue's own windows (1 s on Bitget, 2 s on OKX…) by one
   * scope of the limit (the IP, or one endpoint); see burstWithinMinutes.
   */
  burst: { windowMs: number; scope: string; used: number; budget: number; pct: number };
  sockets: { connected: number; connections: number } | null;
}

export interface PolitenessResult {
  minutes: number;
  markets: Record<string, number>;
  reader: typeof READER;
  venues: VenuePoliteness[];
}

// ---- a market of realistic size ---------------------------------------------------------------

/**
 * Coins C1…C600, larger first: prices log-spread, open interest Zipf-like in USD. Coin i is
 * listed on every venue that lists more than i markets, so the largest are listed everywhere.
 */
function syntheticScenario(): Scenario {
  const coins = Array.from({ length: COINS }, (_, rank) => {
    const price = rank === 0 ? 60_000 : rank === 1 ? 3_000 : 100 / (1 + (rank % 37)) ** 1.5;
    const oiUsd = 2e10 / (rank + 1) ** 1.2;
    const venues = Object.fromEntries(
      Object.entries(MARKETS)
        .filter(([, count]) => rank < count)
        .map(([venue]) => [venue, { oiCoins: oiUsd / 4 / price, fundingIntervalHours: 8 }]),
    );
    return {
      coin: `C${rank + 1}`,
      price,
      change24hPct: ((rank % 11) - 5) * 0.7,
      circulatingSupply: (oiUsd * 20) / price,
      venues,
    };
  });
  return Scenario.parse({
    name: 'politeness',
    description: 'Realistic market counts per venue, synthetic coins, flat history',
    coins,
  });
}

/** The 10 coins asked in a minute: the largest, plus others from further down the list. */
function readerCoins(minute: number): string[] {
  const block = Math.floor(minute / READER.othersChangeEveryMinutes);
  const others = Array.from(
    { length: READER.others },
    // Spread over ranks 7…300, different for every block of minutes.
    (_, i) => READER.largest + ((block * 53 + i * 71) % 294),
  );
  return [...Array.from({ length: READER.largest }, (_, rank) => rank), ...others].map(
    (rank) => `C${rank + 1}`,
  );
}

// ---- counting -----------------------------------------------------------------------------------

interface Meter {
  label: string;
  unit: string;
  budget: number;
  windowMs: number;
  source: string;
  /** What one logged request costs in this meter's unit; 0 when it is not this meter's. */
  cost(request: LoggedRequest): number;
  /**
   * Which requests share one allowance: the whole IP, or one endpoint where the venue limits per
   * endpoint (Bitget, Gate, OKX; OKX's rubik history per endpoint and instrument), per
   * shared/venue-apis.md. The venue's budget is applied to each.
   */
  scope(request: LoggedRequest): string;
}

const PER_ENDPOINT: ReadonlySet<string> = new Set(['okx', 'bitget', 'gate']);

function venueScope(request: LoggedRequest): string {
  if (!PER_ENDPOINT.has(request.venue)) return 'all endpoints';
  if (request.path.includes('/rubik/')) {
    const instId = new URLSearchParams(request.query).get('instId');
    return `${request.path} (per instId: ${instId})`;
  }
  return request.path;
}

function meters(venues: readonly Venue[]): Meter[] {
  const perVenue = venues.map(
    (venue): Meter => ({
      label: venue.id,
      unit: venue.rateLimit.unit,
      budget: venue.rateLimit.budget,
      windowMs: venue.rateLimit.windowMs,
      source: venue.rateLimit.source,
      cost: (request) =>
        request.venue === venue.id ? (venue.requestCost?.(request.path) ?? 1) : 0,
      scope: venueScope,
    }),
  );
  const futuresData: Meter = {
    label: 'binance futures/data',
    unit: 'requests',
    ...BINANCE_FUTURES_DATA,
    cost: (request) =>
      request.venue === 'binance' && request.path.startsWith(BINANCE_FUTURES_DATA.prefix) ? 1 : 0,
    scope: () => 'all endpoints',
  };
  return [...perVenue, futuresData];
}

interface Burst {
  used: number;
  scope: string;
}

const larger = (a: Burst, b: Burst) => (b.used > a.used ? b : a);

/** Requests of one scope in time order, with their cost. */
function hitsByScope(meter: Meter, requests: readonly LoggedRequest[]) {
  const byScope = new Map<string, Array<{ at: number; cost: number }>>();
  for (const request of requests) {
    const cost = meter.cost(request);
    if (cost === 0) continue;
    const scope = meter.scope(request);
    byScope.set(scope, [...(byScope.get(scope) ?? []), { at: request.at, cost }]);
  }
  return byScope;
}

/**
 * The most one scope used within one window shorter than a minute: measured in real time inside
 * each simulated minute, where requests go out as fast as the local server answers them (an
 * upper bound for a real network's latency).
 */
function burstWithinMinutes(meter: Meter, minutes: ReadonlyArray<readonly LoggedRequest[]>) {
  let most: Burst = { used: 0, scope: '' };
  for (const minute of minutes) {
    for (const [scope, hits] of hitsByScope(meter, minute)) {
      hits.sort((a, b) => a.at - b.at);
      let inWindow = 0;
      let first = 0;
      for (const hit of hits) {
        inWindow += hit.cost;
        while ((hits[first]?.at ?? hit.at) <= hit.at - meter.windowMs) {
          inWindow -= hits[first]?.cost ?? 0;
          first += 1;
        }
        most = larger(most, { used: inWindow, scope });
      }
    }
  }
  return most;
}

/** The most one scope used within any run of consecutive simulated minutes as long as the window. */
function burstOverMinutes(meter: Meter, minutes: ReadonlyArray<readonly LoggedRequest[]>) {
  const span = Math.round(meter.windowMs / MINUTE_MS);
  const perMinute = minutes.map((minute) => hitsByScope(meter, minute));
  const scopes = new Set(perMinute.flatMap((byScope) => [...byScope.keys()]));
  let most: Burst = { used: 0, scope: '' };
  for (const scope of scopes) {
    const used = perMinute.map((byScope) =>
      (byScope.get(scope) ?? []).reduce((sum, hit) => sum + hit.cost, 0),
    );
    for (let first = 0; first + span <= used.length; first++) {
      const inWindow = used.slice(first, first + span).reduce((sum, value) => sum + value, 0);
      most = larger(most, { used: inWindow, scope });
    }
  }
  return most;
}

function summarise(
  meter: Meter,
  minutes: ReadonlyArray<readonly LoggedRequest[]>,
  sockets: VenuePoliteness['sockets'],
): VenuePoliteness {
  const perMinute = minutes.map((minute) => minute.reduce((sum, r) => sum + meter.cost(r), 0));
  const requests = minutes.flat().filter((request) => meter.cost(request) > 0).length;
  const used = perMinute.reduce((sum, value) => sum + value, 0);
  const busiest = Math.max(...perMinute);
  const limitPerMinute = (meter.budget * MINUTE_MS) / meter.windowMs;
  const peak =
    meter.windowMs < MINUTE_MS
      ? burstWithinMinutes(meter, minutes)
      : burstOverMinutes(meter, minutes);
  return {
    venue: meter.label,
    unit: meter.unit,
    requests,
    used,
    perMinute,
    perMinuteAverage: used / minutes.length,
    perMinuteBusiest: busiest,
    busiestMinute: perMinute.indexOf(busiest),
    limitPerMinute,
    source: meter.source,
    averagePct: (used / minutes.length / limitPerMinute) * 100,
    busiestPct: (busiest / limitPerMinute) * 100,
    burst: {
      windowMs: meter.windowMs,
      scope: peak.scope,
      used: peak.used,
      budget: meter.budget,
      pct: (peak.used / meter.budget) * 100,
    },
    sockets,
  };
}

// ---- the simulated hour -------------------------------------------------------------------------

/** Waits until the server has logged no new request for QUIET_MS (history refreshes settled). */
async function settle(requests: readonly LoggedRequest[]) {
  let seen = -1;
  while (seen !== requests.length) {
    seen = requests.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

export async function measurePoliteness(): Promise<PolitenessResult> {
  const server = await startReplayServer({ scenario: syntheticScenario() });
  const dbName = 'bench-politeness';
  const db = await openDatabase(dbName);
  let clock = Date.now();
  const service = createService({
    venues: VENUES,
    store: memoryStore(),
    db,
    fetch: (url, init) => fetch(url, init),
    openSocket: (url) => new WebSocket(url),
    venueOrigin: server.origin,
    onChange: () => {},
    settings: async () => DEFAULT_SIGNAL_SETTINGS,
    // The hour is simulated in seconds; the wall-clock pacing would stretch it back to an hour.
    // Peaks below are therefore unpaced: the shipped extension caps any window at half the limit.
    paceRequests: false,
    now: () => clock,
  });

  const minutes: LoggedRequest[][] = [];
  try {
    // As the worker starts: restore, then poll at once (DESIGN.md), then every minute (alarm).
    await service.start();
    for (let minute = 0; minute < SIMULATED_MINUTES; minute++) {
      if (minute > 0) clock += MINUTE_MS;
      const from = server.requests.length;
      await service.pollDue();
      await service.contexts(readerCoins(minute));
      await service.market();
      await settle(server.requests);
      minutes.push(server.requests.slice(from));
    }
    const health = await service.health();
    const socketsOf = (id: string) => {
      const stream = health.find((venue) => venue.venue === id)?.stream;
      return stream ? { connected: stream.connected, connections: stream.connections } : null;
    };
    return {
      minutes: SIMULATED_MINUTES,
      markets: MARKETS,
      reader: READER,
      venues: meters(VENUES).map((meter) =>
        summarise(meter, minutes, meter.label in MARKETS ? socketsOf(meter.label) : null),
      ),
    };
  } finally {
    service.stop();
    await server.close();
    db.close();
    await deleteDB(dbName);
  }
}
