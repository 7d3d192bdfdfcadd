// Paces each venue's requests so that no burst (a history refresh for twenty coins at once) can
// use more than a share of the venue's documented per-IP limit in any window of it. The user's
// IP pays for every request, and a 429 or a ban costs them data. Wall-clock time, always.
// Requests waiting for room go out by priority, then in the order they came: the live poll and
// the chart a user has open must not wait behind a thirty-coin history backfill. A chart's pages
// come one after another, so the backfill also pauses while a chart is fetched: otherwise each
// window's room would go to the backfill pages already waiting while the chart's next page is
// still being asked for.
import type { VenueId } from '../messages';
import type { RateLimit } from '../venues/venue';

/** At most this share of a venue's limit in any of its windows. */
export const BURST_SHARE = 0.5;

/** Who waits for whom; asked again each time room opens, so a request can become urgent. */
export const PRIORITY = { backfill: 0, chart: 1, poll: 2 } as const;
export type Priority = () => number;

interface Waiter {
  cost: number;
  priority: Priority;
  go: () => void;
}

/** How often a paused backfill looks again whether the chart is done. */
const PAUSE_CHECK_MS = 250;

interface LimiterOptions {
  /** At most this share of a venue's limit in any of its windows. */
  share?: number;
  /** True while a chart is being fetched: backfill requests wait. */
  backfillPaused?: () => boolean;
}

export function createLimiter(
  limits: ReadonlyMap<VenueId, RateLimit>,
  { share = BURST_SHARE, backfillPaused = () => false }: LimiterOptions = {},
) {
  const log = new Map<VenueId, Array<{ at: number; cost: number }>>();
  const waiting = new Map<VenueId, Waiter[]>();
  const timers = new Map<VenueId, ReturnType<typeof setTimeout>>();

  function recent(venue: VenueId, limit: RateLimit, now: number) {
    const entries = (log.get(venue) ?? []).filter((entry) => entry.at > now - limit.windowMs);
    log.set(venue, entries);
    return entries;
  }

  /** The most urgent waiter, the earliest among equals. */
  function next(queue: readonly Waiter[]): { waiter: Waiter; priority: number } | undefined {
    let best: { waiter: Waiter; priority: number } | undefined;
    for (const waiter of queue) {
      const priority = waiter.priority();
      if (!best || priority > best.priority) best = { waiter, priority };
    }
    return best;
  }

  /** Lets waiters go while they fit, in order; sleeps until the oldest entry leaves the window. */
  function pump(venue: VenueId, limit: RateLimit) {
    clearTimeout(timers.get(venue));
    timers.delete(venue);
    const queue = waiting.get(venue) ?? [];
    const cap = limit.budget * share;
    const pumpIn = (ms: number) =>
      timers.set(
        venue,
        setTimeout(() => pump(venue, limit), ms),
      );
    for (;;) {
      const found = next(queue);
      if (!found) return;
      const { waiter, priority } = found;
      if (priority === PRIORITY.backfill && backfillPaused()) {
        pumpIn(PAUSE_CHECK_MS);
        return;
      }
      const now = Date.now();
      const entries = recent(venue, limit, now);
      const used = entries.reduce((sum, entry) => sum + entry.cost, 0);
      // A request costlier than the cap alone still goes, on an empty window.
      if (used > 0 && used + waiter.cost > cap) {
        const oldest = entries[0]?.at ?? now;
        pumpIn(Math.max(10, oldest + limit.windowMs - now));
        return;
      }
      entries.push({ at: now, cost: waiter.cost });
      queue.splice(queue.indexOf(waiter), 1);
      waiter.go();
    }
  }

  return {
    /**
     * Resolves when a request of this cost fits in the venue's window, and records it then;
     * rejects, taking no room, if `signal` aborts while it waits.
     */
    take(
      venue: VenueId,
      cost: number,
      priority: Priority = () => PRIORITY.backfill,
      signal?: AbortSignal,
    ) {
      const limit = limits.get(venue);
      if (!limit || cost <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const queue = waiting.get(venue) ?? [];
        const leave = () => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          cost,
          priority,
          go: () => {
            signal?.removeEventListener('abort', leave);
            resolve();
          },
        };
        signal?.addEventListener('abort', leave, { once: true });
        queue.push(waiter);
        waiting.set(venue, queue);
        pump(venue, limit);
      });
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
