// The worker's logic without the browser: polls, streams, stores and answers. index.ts wires it
// to chrome.* APIs; integration tests drive it directly against the replay server.
import { chartFunding, chartOi } from '../core/coin-history';
import { buildCoinContext, buildMarketContext } from '../core/context';
import {
  hourlyLiquidations,
  liquidationWindows,
  type WindowSources,
} from '../core/liquidation-windows';
import type { LiquidationBucket } from '../core/market';
import { whyNoFigures } from '../core/no-figures';
import { HOUR_MS, type OiSeries } from '../core/oi-history';
import type { SignalSettings } from '../core/settings';
import { presentStatus } from '../core/venue-status';
import type {
  CoinContext,
  CoinHistory,
  Liquidations,
  MarketContext,
  NoFigures,
  VenueHealth,
  VenueId,
} from '../messages';
import { type FetchLike, resolveHosts, VenueError } from '../venues/client';
import type { Venue } from '../venues/venue';
import { createBudget } from './budget';
import type { Database } from './database';
import { createHistory } from './history';
import { createHistoryHealth } from './history-health';
import { createLimiter } from './limiter';
import { createLiquidationStore } from './liquidation-store';
import { createPoller } from './poller';
import type { KeyValueStore } from './state';
import { createStateStore } from './state';
import { createVenueStreams, type SocketFactory, type VenueStreams } from './streams';
import { createVenueClients } from './venue-clients';

/** The market's OI history is built from this many of the largest coins (most of the OI). */
const MARKET_HISTORY_COINS = 20;
/** The coin chart's span. */
const CHART_DAYS = 30;
/** Circulating supply moves slowly: asked once a day per coin. */
const SUPPLY_MAX_AGE_MS = 24 * HOUR_MS;
/**
 * New liquidations are written this soon after they arrive (batched under load): the most a
 * worker killed mid-stream can lose.
 */
const INGEST_FLUSH_DELAY_MS = 250;
/** History answers that land together are announced to clients once. */
const CHANGE_NOTICE_DELAY_MS = 300;

export interface ServiceOptions {
  venues: readonly Venue[];
  store: KeyValueStore;
  db: Database;
  fetch: FetchLike;
  openSocket: SocketFactory;
  /** LL_VENUE_ORIGIN of the build, or '' for the venues' own hosts. */
  venueOrigin: string;
  /** Something changed that clients should re-ask for (new snapshot, history arrived). */
  onChange: () => void;
  /** The user's signal thresholds (defaults where none are stored). */
  settings: () => Promise<SignalSettings>;
  /**
   * Pace requests to half of each venue's limit (the default). Only the politeness bench turns
   * it off: it simulates an hour in seconds, and reports the bursts the pacing then absorbs.
   */
  paceRequests?: boolean;
  now?: () => number;
}

export function createService(options: ServiceOptions) {
  const { venues, db, venueOrigin, onChange, now = Date.now } = options;
  const venueById = new Map(venues.map((venue) => [venue.id, venue]));
  const limits = new Map(venues.map((venue) => [venue.id, venue.rateLimit]));
  const budget = createBudget(limits, now);

  /** Venues the user switched off: no requests, no sockets, in no figure (set by setDisabled). */
  let disabled = new Set<VenueId>();
  const isEnabled = (venue: VenueId) => !disabled.has(venue);
  /** Coins whose chart is being fetched, with how many asks are waiting for each. */
  const charting = new Map<string, number>();
  const limiter = createLimiter(limits, { backfillPaused: () => charting.size > 0 });
  const { clientFor, historyClientFor, stopHistory } = createVenueClients({
    venues,
    venueOrigin,
    fetch: options.fetch,
    limiter,
    budget,
    paceRequests: options.paceRequests !== false,
    isCharted: (coin) => charting.has(coin),
  });

  const poller = createPoller({
    venues,
    state: createStateStore(options.store),
    clientFor,
    isEnabled,
    now,
  });
  const liquidations = createLiquidationStore(db, now);
  const historyHealth = createHistoryHealth(now);
  const history = createHistory({
    db,
    venues,
    clientFor: historyClientFor,
    instrumentsOf: poller.instruments,
    isEnabled,
    now,
    onError: historyHealth.failed,
    onSuccess: historyHealth.succeeded,
  });
  const streams = new Map<VenueId, VenueStreams>();
  let flushScheduled = false;

  const streamSink = {
    ingest(events: Parameters<typeof liquidations.ingest>[0]) {
      const added = liquidations.ingest(events);
      if (added > 0 && !flushScheduled) {
        flushScheduled = true;
        setTimeout(() => {
          flushScheduled = false;
          void liquidations.flush();
        }, INGEST_FLUSH_DELAY_MS);
      }
      return added;
    },
    listening: liquidations.listening,
    stopped: liquidations.stopped,
  };
  const listed = new Map<VenueId, ReadonlySet<string>>();

  async function startStreams(venue: Venue) {
    if (!isEnabled(venue.id)) return;
    const instruments = await poller.instruments(venue.id);
    listed.set(venue.id, new Set(instruments.map((instrument) => instrument.coin)));
    if (!venue.liquidations || instruments.length === 0) return;
    let venueStreams = streams.get(venue.id);
    if (!venueStreams) {
      venueStreams = createVenueStreams({
        venue,
        wsBase: resolveHosts(venue.id, venue.hosts, venueOrigin).ws,
        store: streamSink,
        openSocket: options.openSocket,
        now,
      });
      streams.set(venue.id, venueStreams);
    }
    venueStreams.update(instruments);
  }

  /** The venues with a liquidation stream that lists the coin (all of them for the market). */
  function streamingVenues(coin: string | null): VenueId[] {
    return venues
      .filter(
        (venue) =>
          venue.liquidations &&
          isEnabled(venue.id) &&
          (coin === null || listed.get(venue.id)?.has(coin)),
      )
      .map((venue) => venue.id);
  }

  /** What the coin's (or the market's) liquidation figures are built from. */
  function liquidationSources(
    coin: string | null,
    history: readonly LiquidationBucket[],
  ): WindowSources {
    const listening = new Map(
      streamingVenues(coin).map((venue) => [venue, liquidations.coverage(venue)]),
    );
    const day = { from: now() - 24 * HOUR_MS, to: now() };
    // A venue switched off is left out of every figure, including what it streamed before.
    const buckets = liquidations.bucketsIn(coin, day).filter((bucket) => isEnabled(bucket.venue));
    return { now: now(), listening, buckets, history };
  }

  /** The coin's (or the market's) liquidation windows from the streams and venue history. */
  function windowsFor(
    coin: string | null,
    history: readonly LiquidationBucket[],
  ): Liquidations | null {
    return liquidationWindows(liquidationSources(coin, history));
  }

  const supplies = new Map<string, { fetchedAt: number; supply: number | null }>();

  /** The coin's circulating supply from the first venue that reports it; cached for a day. */
  async function circulatingSupply(coin: string): Promise<number | null> {
    const cached = supplies.get(coin);
    if (cached && now() - cached.fetchedAt < SUPPLY_MAX_AGE_MS) return cached.supply;
    for (const venue of venues.filter((one) => isEnabled(one.id))) {
      const fetchSupply = venue.fetchCirculatingSupply;
      const instrument = (await poller.instruments(venue.id)).find((i) => i.coin === coin);
      if (!fetchSupply || !instrument) continue;
      try {
        const supply = await fetchSupply(clientFor(venue.id), instrument);
        supplies.set(coin, { fetchedAt: now(), supply });
        return supply;
      } catch (error) {
        if (!(error instanceof VenueError)) throw error;
      }
    }
    supplies.set(coin, { fetchedAt: now(), supply: cached?.supply ?? null });
    return cached?.supply ?? null;
  }

  const unverifiedVenues = new Set(
    venues.filter((venue) => !venue.oiOneSidedVerified).map((venue) => venue.id),
  );

  /**
   * Venues whose data is not live now. For a coin: those that list it, or whose markets are not
   * known at all (a venue down since install could list anything).
   */
  async function unavailableVenues(coin: string | null): Promise<Set<VenueId>> {
    // A venue the user switched off is not "unavailable": it is left out on purpose.
    const down = (await poller.statuses()).filter(
      (status) => isEnabled(status.venue) && presentStatus(status, now()).state !== 'live',
    );
    return new Set(
      down
        .map((status) => status.venue)
        .filter(
          (venue) => coin === null || !listed.get(venue)?.size || listed.get(venue)?.has(coin),
        ),
    );
  }

  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Many callers wait on the same history fetches; one notice after they settle is enough.
   * (Each notice makes every client ask again, which must not start a storm of questions.)
   */
  function changed() {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(onChange, CHANGE_NOTICE_DELAY_MS);
  }

  /** Tells clients to ask again once slow history fetches have brought something new. */
  function notifyWhen(refreshed: Promise<boolean>) {
    void refreshed.then((fetched) => fetched && changed());
  }

  async function coinContext(coin: string): Promise<CoinContext | null> {
    const snapshots = await poller.snapshots();
    const { series, refreshed } = await history.coinSeries(coin);
    notifyWhen(refreshed);
    const liquidationHistory = history.liquidationHistory(coin);
    notifyWhen(liquidationHistory.refreshed);
    return buildCoinContext(coin, snapshots, {
      now: now(),
      settings: await options.settings(),
      history: series,
      liquidations: windowsFor(coin, liquidationHistory.buckets),
      unverifiedVenues,
      unavailableVenues: await unavailableVenues(coin),
      circulatingSupply: await circulatingSupply(coin),
    });
  }

  /** Venues listing the coin now, in the venues' order. */
  async function venuesListing(coin: string): Promise<Venue[]> {
    const listing: Venue[] = [];
    for (const venue of venues) {
      if ((await poller.instruments(venue.id)).some((i) => i.coin === coin)) listing.push(venue);
    }
    return listing;
  }

  /** The coin's chart, its requests ahead of every other coin's history while it is asked for. */
  async function coinHistory(requested: string): Promise<CoinHistory> {
    const coin = requested.toUpperCase();
    charting.set(coin, (charting.get(coin) ?? 0) + 1);
    try {
      return await chartOf(coin);
    } finally {
      const waiting = (charting.get(coin) ?? 1) - 1;
      if (waiting > 0) charting.set(coin, waiting);
      else charting.delete(coin);
    }
  }

  /**
   * The coin's chart: fetches what is stale first (the chart is asked for on demand, one coin at
   * a time), then answers from the caches.
   */
  async function chartOf(coin: string): Promise<CoinHistory> {
    const from = now() - CHART_DAYS * 24 * HOUR_MS;
    const rows = (await poller.snapshots()).flatMap((snapshot) =>
      snapshot.rows.filter((row) => row.coin === coin),
    );
    const listing = await venuesListing(coin);
    await (await history.coinSeries(coin)).refreshed;
    await history.liquidationHistory(coin).refreshed;
    const { series } = await history.coinSeries(coin);
    const oiByVenue = new Map<VenueId, number>();
    const largest = new Map<VenueId, { symbol: string; usd: number }>();
    for (const row of rows) {
      const usd = row.oiUsd ?? 0;
      oiByVenue.set(row.venue, (oiByVenue.get(row.venue) ?? 0) + usd);
      if (usd >= (largest.get(row.venue)?.usd ?? -1))
        largest.set(row.venue, { symbol: row.symbol, usd });
    }
    const funding = await history.fundingHistory(
      coin,
      new Map([...largest].map(([venue, { symbol }]) => [venue, symbol])),
    );
    const sources = liquidationSources(coin, history.liquidationHistory(coin).buckets);
    const starts = [...sources.listening.values()].flat().map((interval) => interval.from);
    return {
      coin,
      oi: chartOi(
        listing.map((venue) => ({
          venue: venue.id,
          points: series.find((one) => one.key === venue.id)?.points ?? [],
        })),
        from,
        now(),
      ),
      liquidations: {
        bars: hourlyLiquidations(sources),
        listeningSince: starts.length > 0 ? Math.min(...starts) : null,
      },
      funding: chartFunding(
        listing.map((venue) => ({
          venue: venue.id,
          points: venue.fetchFundingHistory ? (funding.get(venue.id) ?? []) : undefined,
        })),
        oiByVenue,
        from,
        now(),
      ),
      asOf: now(),
    };
  }

  return {
    poller,
    liquidations,
    coinHistory,

    /**
     * Switches venues off (and the others on): a venue switched off closes its sockets at once
     * and is left out from the next answer; one switched back on starts streaming again.
     */
    async setDisabled(venueIds: readonly VenueId[]) {
      const before = disabled;
      disabled = new Set(venueIds);
      for (const id of disabled) {
        streams.get(id)?.stop();
        streams.delete(id);
        stopHistory(id);
        historyHealth.forget(id);
      }
      for (const venue of venues) {
        if (before.has(venue.id) && isEnabled(venue.id)) await startStreams(venue);
      }
    },

    /** Every coin the enabled venues list (as of their last instruments fetch), sorted. */
    async listedCoins(): Promise<string[]> {
      const coins = new Set<string>();
      for (const venue of venues.filter((one) => isEnabled(one.id))) {
        for (const instrument of await poller.instruments(venue.id)) coins.add(instrument.coin);
      }
      return [...coins].sort();
    },

    /** Restores persisted state and starts what a fresh worker needs. */
    async start() {
      await liquidations.hydrate();
      for (const venue of venues) await startStreams(venue);
    },

    /** Polls what is due; afterwards streams follow the venues' current markets. */
    async pollDue(manual = false): Promise<VenueId[]> {
      const polled = await poller.pollDue({ manual });
      if (polled.length > 0) {
        await history.recordSnapshots(await poller.snapshots());
        for (const id of polled) {
          const venue = venueById.get(id);
          if (venue) await startStreams(venue);
        }
      }
      return polled;
    },

    async contexts(coins: readonly string[]): Promise<CoinContext[]> {
      const unique = [...new Set(coins.map((coin) => coin.toUpperCase()))];
      const contexts = await Promise.all(unique.map(coinContext));
      return contexts.filter((context): context is CoinContext => context !== null);
    },

    /** For coins without figures: why (no enabled venue lists them, only venues switched off, …). */
    async whyNoFigures(coins: readonly string[]): Promise<NoFigures[]> {
      const listings = await Promise.all(
        venues.map(async (venue) => ({
          venue: venue.id,
          enabled: isEnabled(venue.id),
          coins: await poller.listing(venue.id),
        })),
      );
      const unique = [...new Set(coins.map((coin) => coin.toUpperCase()))];
      return unique.map((coin) => whyNoFigures(coin, listings));
    },

    async market(): Promise<MarketContext> {
      const snapshots = await poller.snapshots();
      const totals = new Map<string, number>();
      for (const row of snapshots.flatMap((snapshot) => snapshot.rows)) {
        totals.set(row.coin, (totals.get(row.coin) ?? 0) + (row.oiUsd ?? 0));
      }
      const largest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, MARKET_HISTORY_COINS);
      const series: OiSeries[] = [];
      const reported: LiquidationBucket[] = [];
      for (const [coin] of largest) {
        const { series: coinSeries, refreshed } = await history.coinSeries(coin);
        notifyWhen(refreshed);
        for (const one of coinSeries)
          series.push({ key: `${coin}|${one.key}`, points: one.points });
        const liquidationHistory = history.liquidationHistory(coin);
        notifyWhen(liquidationHistory.refreshed);
        reported.push(...liquidationHistory.buckets);
      }
      return buildMarketContext(snapshots, {
        now: now(),
        settings: await options.settings(),
        history: series,
        liquidations: windowsFor(null, reported),
        btcLiquidations: windowsFor(
          'BTC',
          reported.filter((bucket) => bucket.coin === 'BTC'),
        ),
        unverifiedVenues,
        unavailableVenues: await unavailableVenues(null),
      });
    },

    async health(): Promise<VenueHealth[]> {
      return (await poller.statuses()).map((status) => {
        const venue = venueById.get(status.venue);
        return {
          ...presentStatus(status, now()),
          history: isEnabled(status.venue) ? historyHealth.of(status.venue) : null,
          stream: streams.get(status.venue)?.status() ?? null,
          budgetUsedPct: budget.usedPct(status.venue),
          enabled: isEnabled(status.venue),
          oneSided: venue?.oiOneSidedVerified ?? true,
        };
      });
    },

    flush: () => liquidations.flush(),
    prune: () => liquidations.prune(),

    stop() {
      clearTimeout(changeTimer);
      for (const venueStreams of streams.values()) venueStreams.stop();
    },
  };
}
export type Service = ReturnType<typeof createService>;
