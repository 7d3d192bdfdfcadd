// Paces each venue's requests so that no burst (a history refresh for twenty coins at once) can
// use more than a share of the venue's documented per-IP limit in any window of it. The user's
// IP pays for every request, and a 429 or a ban costs them data. Wall-clock time, always.
import type { VenueId } from '../messages';
import type { RateLimit } from '../venues/venue';

/** At most this share of a venue's limit in any of its windows. */
export const BURST_SHARE = 0.5;

export function createLimiter(limits: ReadonlyMap<VenueId, RateLimit>, share = BURST_SHARE) {
  const log = new Map<VenueId, Array<{ at: number; cost: number }>>();

  return {
    /** Resolves when a request of this cost fits in the venue's window; records it then. */
    async take(venue: VenueId, cost: number): Promise<void> {
      const limit = limits.get(venue);
      if (!limit || cost <= 0) return;
      const cap = limit.budget * share;
      for (;;) {
        const now = Date.now();
        const recent = (log.get(venue) ?? []).filter((entry) => entry.at > now - limit.windowMs);
        log.set(venue, recent);
        const used = recent.reduce((sum, entry) => sum + entry.cost, 0);
        // A request costlier than the cap alone still goes, on an empty window.
        if (used === 0 || used + cost <= cap) {
          recent.push({ at: now, cost });
          return;
        }
        const oldest = recent[0]?.at ?? now;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(10, oldest + limit.windowMs - now)),
        );
      }
    },
    /**
     * Records weight the venue charged for an answer already in (no waiting: it is spent), so
     * that the requests after it wait for it.
     */
    charge(venue: VenueId, cost: number) {
      if (!limits.has(venue) || cost <= 0) return;
      const entries = log.get(venue) ?? [];
      entries.push({ at: Date.now(), cost });
      log.set(venue, entries);
    },
  };
}
export type Limiter = ReturnType<typeof createLimiter>;
