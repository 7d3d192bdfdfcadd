// Whether each venue's history requests (OI, liquidation and funding history) are failing, for
// the popup's data health. Kept apart from the live poll's status: a venue whose poll is fine
// can still refuse its history endpoints (rate limits are often per endpoint), and the other way
// round. In memory: a restarted worker asks again before it has anything to say.
import { problemOf } from '../core/venue-status';
import type { HistoryTrouble, VenueId } from '../messages';
import type { VenueError } from '../venues/client';

export function createHistoryHealth(now: () => number = Date.now) {
  const troubles = new Map<VenueId, HistoryTrouble>();
  const lastSuccess = new Map<VenueId, number>();

  return {
    failed(venue: VenueId, error: VenueError) {
      troubles.set(venue, {
        reason: problemOf(error.outcome),
        failedAt: now(),
        lastSuccessAt: lastSuccess.get(venue) ?? null,
      });
    },
    /**
     * A request that started after the last failure succeeded: the trouble is over. One that was
     * already under way when another failed proves nothing about the failure (a 429 hits the
     * requests after it, not those before), so it leaves the trouble shown.
     */
    succeeded(venue: VenueId, startedAt: number) {
      lastSuccess.set(venue, Math.max(lastSuccess.get(venue) ?? 0, now()));
      const trouble = troubles.get(venue);
      if (trouble && startedAt >= trouble.failedAt) troubles.delete(venue);
    },
    /** The venue was switched off: what its history did before says nothing now. */
    forget(venue: VenueId) {
      troubles.delete(venue);
    },
    of: (venue: VenueId): HistoryTrouble | null => troubles.get(venue) ?? null,
  };
}
export type HistoryHealth = ReturnType<typeof createHistoryHealth>;
