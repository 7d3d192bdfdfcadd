// What the worker persists, checked with zod on the way back in: storage written by an older
// version, or damaged, is treated as absent rather than trusted.
import { z } from 'zod';
import type { Instrument, VenueSnapshot } from '../core/market';
import { initialStatus } from '../core/venue-status';
import { VENUE_IDS, type VenueId, VenueReason, type VenueStatus } from '../messages';
import { problemFromSentence } from './legacy-reason';

/** The storage the poller needs: browser.storage.local in the worker, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(entries: Record<string, unknown>): Promise<void>;
}

const venueId = z.enum(VENUE_IDS);

const MarketRowSchema = z.object({
  coin: z.string(),
  venue: venueId,
  symbol: z.string(),
  priceUsd: z.number(),
  change24hPct: z.number().nullable(),
  oiCoins: z.number().nullable(),
  oiUsd: z.number().nullable(),
  oiAt: z.number().nullable(),
  fundingRate8h: z.number().nullable(),
});

const SnapshotSchema = z.object({
  venue: venueId,
  fetchedAt: z.number(),
  rows: z.array(MarketRowSchema),
});

const InstrumentsSchema = z.object({
  fetchedAt: z.number(),
  list: z.array(
    z.object({
      venue: venueId,
      symbol: z.string(),
      coin: z.string(),
      lotSize: z.number().positive(),
      fundingIntervalHours: z.number().positive(),
    }),
  ),
});

const StatusSchema = z.object({
  venue: venueId,
  state: z.enum(['waiting', 'live', 'stale', 'degraded', 'failing']),
  // A sentence is an older version's reason: converted, or dropped alone, never the whole status.
  reason: z.union([VenueReason, z.string().transform(problemFromSentence)]).nullable(),
  lastSuccessAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  nextAttemptAt: z.number().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
});

const key = {
  snapshot: (venue: VenueId) => `snapshot:${venue}`,
  status: (venue: VenueId) => `status:${venue}`,
  instruments: (venue: VenueId) => `instruments:${venue}`,
};

export interface CachedInstruments {
  fetchedAt: number;
  list: Instrument[];
}

/**
 * Reads go to storage (and through zod) once per worker life; after that the worker's own copy
 * answers, kept current by every write. The worker is the only writer, so the copy cannot drift,
 * and a getContext no longer re-parses every venue's snapshot.
 */
export function createStateStore(store: KeyValueStore) {
  const memo = new Map<string, unknown>();

  async function read<T>(storageKey: string, schema: z.ZodType<T>): Promise<T | null> {
    if (memo.has(storageKey)) return memo.get(storageKey) as T | null;
    const parsed = schema.safeParse(await store.get(storageKey));
    const value = parsed.success ? parsed.data : null;
    memo.set(storageKey, value);
    return value;
  }

  function write(entries: Record<string, unknown>): Promise<void> {
    for (const [storageKey, value] of Object.entries(entries)) memo.set(storageKey, value);
    return store.set(entries);
  }

  return {
    snapshot: (venue: VenueId): Promise<VenueSnapshot | null> =>
      read(key.snapshot(venue), SnapshotSchema),
    async status(venue: VenueId): Promise<VenueStatus> {
      return (await read(key.status(venue), StatusSchema)) ?? initialStatus(venue);
    },
    instruments: (venue: VenueId): Promise<CachedInstruments | null> =>
      read(key.instruments(venue), InstrumentsSchema),
    saveStatus: (status: VenueStatus) => write({ [key.status(status.venue)]: status }),
    saveSuccess: (snapshot: VenueSnapshot, status: VenueStatus) =>
      write({ [key.snapshot(snapshot.venue)]: snapshot, [key.status(status.venue)]: status }),
    saveInstruments: (venue: VenueId, instruments: CachedInstruments) =>
      write({ [key.instruments(venue)]: instruments }),
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
