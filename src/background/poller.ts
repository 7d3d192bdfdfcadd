// Polls each venue's bulk endpoint when it is due, keeps the last good snapshot, and records
// every failure in the venue's status. Restart-proof: everything it knows lives in the store.
import type { Instrument, VenueSnapshot } from '../core/market';
import { applyOutcome, isDue, type PollOutcome } from '../core/venue-status';
import type { VenueId, VenueStatus } from '../messages';
import { type VenueClient, VenueError } from '../venues/client';
import type { Venue } from '../venues/venue';
import type { StateStore } from './state';

const INSTRUMENTS_MAX_AGE_MS = 6 * 60 * 60_000;

export interface PollerOptions {
  venues: readonly Venue[];
  state: StateStore;
  clientFor: (venue: VenueId) => VenueClient;
  /** False for a venue the user switched off: it is not polled and its snapshot is left out. */
  isEnabled?: (venue: VenueId) => boolean;
  now?: () => number;
}

export function createPoller({
  venues,
  state,
  clientFor,
  isEnabled = () => true,
  now = Date.now,
}: PollerOptions) {
  const inFlight = new Map<VenueId, Promise<boolean>>();

  async function instrumentsFor(venue: Venue, client: VenueClient) {
    const cached = await state.instruments(venue.id);
    if (cached && now() - cached.fetchedAt < INSTRUMENTS_MAX_AGE_MS) return cached.list;
    const list = await venue.fetchInstruments(client);
    await state.saveInstruments(venue.id, { fetchedAt: now(), list });
    return list;
  }

  async function pollVenue(venue: Venue, manual: boolean): Promise<boolean> {
    const status = await state.status(venue.id);
    if (!isDue(status, now(), manual)) return false;
    const client = clientFor(venue.id);
    let outcome: PollOutcome;
    try {
      const previous = (await state.snapshot(venue.id))?.rows ?? [];
      const instruments = await instrumentsFor(venue, client);
      const rows = await venue.fetchSnapshot(client, instruments, { now: now(), previous });
      const snapshot: VenueSnapshot = { venue: venue.id, fetchedAt: now(), rows };
      await state.saveSuccess(snapshot, applyOutcome(status, { kind: 'ok' }, now()));
      return true;
    } catch (error) {
      if (!(error instanceof VenueError)) throw error;
      outcome = error.outcome;
    }
    await state.saveStatus(applyOutcome(status, outcome, now()));
    return false;
  }

  /** One poll per venue at a time, however many alarms, messages and start-ups ask at once. */
  function pollOnce(venue: Venue, manual: boolean): Promise<boolean> {
    const running = inFlight.get(venue.id);
    if (running) return running;
    const poll = pollVenue(venue, manual).finally(() => inFlight.delete(venue.id));
    inFlight.set(venue.id, poll);
    return poll;
  }

  return {
    /**
     * Polls every venue that is due (see isDue for what a manual refresh may skip); returns the
     * venues that produced a new snapshot.
     */
    async pollDue({ manual = false } = {}): Promise<VenueId[]> {
      const results = await Promise.all(
        venues
          .filter((venue) => isEnabled(venue.id))
          .map(async (venue) => [venue.id, await pollOnce(venue, manual)] as const),
      );
      return results.filter(([, updated]) => updated).map(([id]) => id);
    },
    /** The last good snapshot of every enabled venue. */
    async snapshots(): Promise<VenueSnapshot[]> {
      const enabled = venues.filter((venue) => isEnabled(venue.id));
      const all = await Promise.all(enabled.map((venue) => state.snapshot(venue.id)));
      return all.filter((snapshot): snapshot is VenueSnapshot => snapshot !== null);
    },
    /** The markets a venue listed at its last successful instruments fetch. */
    async instruments(venue: VenueId): Promise<readonly Instrument[]> {
      return (await state.instruments(venue))?.list ?? [];
    },
    /** The coins a venue listed at its last markets fetch; null when it never fetched them. */
    async listing(venue: VenueId): Promise<ReadonlySet<string> | null> {
      const cached = await state.instruments(venue);
      return cached ? new Set(cached.list.map((instrument) => instrument.coin)) : null;
    },
    statuses(): Promise<VenueStatus[]> {
      return Promise.all(venues.map((venue) => state.status(venue.id)));
    },
  };
}
export type Poller = ReturnType<typeof createPoller>;
