// The background's way to a venue: one client per venue for the live poll and one per venue and
// coin for history, every request paced by the limiter and counted by the budget. History requests of a
// venue the user switches off stop at once (a 30-day funding history is several pages, each
// waiting its turn); the live poll is left to finish, its status stays the venue's own.
import type { VenueId } from '../messages';
import {
  createVenueClient,
  type FetchLike,
  resolveHosts,
  type VenueClient,
} from '../venues/client';
import type { Venue } from '../venues/venue';
import type { Budget } from './budget';
import { type Limiter, PRIORITY, type Priority } from './limiter';

interface VenueClientsOptions {
  venues: readonly Venue[];
  /** LL_VENUE_ORIGIN of the build, or '' for the venues' own hosts. */
  venueOrigin: string;
  fetch: FetchLike;
  limiter: Limiter;
  budget: Budget;
  /** False only for the politeness bench (see ServiceOptions.paceRequests). */
  paceRequests: boolean;
  /** Whether a user has this coin's chart open now: its history goes before the backfill. */
  isCharted: (coin: string) => boolean;
}

export function createVenueClients(options: VenueClientsOptions) {
  const { limiter, budget } = options;
  const venueById = new Map(options.venues.map((venue) => [venue.id, venue]));
  const historyStops = new Map<VenueId, AbortController>();

  function historyStop(id: VenueId): AbortSignal {
    let controller = historyStops.get(id);
    if (!controller) {
      controller = new AbortController();
      historyStops.set(id, controller);
    }
    return controller.signal;
  }

  /**
   * With `stop`, a request is aborted when the signal it got at its start fires, also while it
   * waits for the limiter. `priority` is asked each time the limiter has room.
   */
  function createClient(venue: Venue, priority: Priority, stop?: () => AbortSignal): VenueClient {
    const id = venue.id;
    const base = resolveHosts(id, venue.hosts, options.venueOrigin).rest;
    const cost = (url: string) => venue.requestCost?.(url.slice(base.length)) ?? 1;
    const paced: FetchLike = async (url, init) => {
      const stopped = stop?.();
      if (options.paceRequests) await limiter.take(id, cost(url), priority, stopped);
      if (!stopped) return options.fetch(url, init);
      stopped.throwIfAborted();
      const signals = init?.signal ? [init.signal, stopped] : [stopped];
      return options.fetch(url, { ...init, signal: AbortSignal.any(signals) });
    };
    return createVenueClient(
      id,
      base,
      paced,
      (info) => budget.record(info, venue.requestCost?.(info.path) ?? 1),
      (extra) => {
        limiter.charge(id, extra);
        budget.charge(id, extra);
      },
    );
  }

  function venueOf(id: VenueId): Venue {
    const venue = venueById.get(id);
    if (!venue) throw new Error(`unknown venue ${id}`);
    return venue;
  }

  const pollClients = new Map<VenueId, VenueClient>();
  const historyClients = new Map<string, VenueClient>();
  return {
    /** For the live poll and the circulating supply: first in line for the venue's limit. */
    clientFor(id: VenueId): VenueClient {
      let client = pollClients.get(id);
      if (!client) {
        client = createClient(venueOf(id), () => PRIORITY.poll);
        pollClients.set(id, client);
      }
      return client;
    },
    /**
     * For a coin's history requests, which `stopHistory` aborts; ahead of other coins' while
     * `isCharted(coin)` (a user has its chart open).
     */
    historyClientFor(id: VenueId, coin: string): VenueClient {
      const key = `${id}|${coin}`;
      let client = historyClients.get(key);
      if (!client) {
        const priority = () => (options.isCharted(coin) ? PRIORITY.chart : PRIORITY.backfill);
        client = createClient(venueOf(id), priority, () => historyStop(id));
        historyClients.set(key, client);
      }
      return client;
    },
    /** Aborts the venue's history requests under way or waiting their turn. */
    stopHistory(id: VenueId) {
      historyStops.get(id)?.abort();
      historyStops.delete(id);
    },
  };
}
