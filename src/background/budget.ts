// Counts what each venue's requests cost within its rate-limit window, so the popup can show how
// much of the user's per-IP allowance the extension uses (and tests can prove it stays small).
import type { VenueId } from '../messages';
import type { ResponseInfo } from '../venues/client';
import type { RateLimit } from '../venues/venue';

/** Binance reports the weight used in the current minute; when present it beats our count. */
const USED_WEIGHT_HEADER = 'x-mbx-used-weight-1m';

export function createBudget(
  limits: ReadonlyMap<VenueId, RateLimit>,
  now: () => number = Date.now,
) {
  const log = new Map<VenueId, Array<{ at: number; cost: number }>>();
  const reported = new Map<VenueId, { at: number; used: number }>();

  function recent(venue: VenueId) {
    const limit = limits.get(venue);
    const entries = log.get(venue) ?? [];
    if (!limit) return entries;
    const since = now() - limit.windowMs;
    const kept = entries.filter((entry) => entry.at > since);
    log.set(venue, kept);
    return kept;
  }

  function charge(venue: VenueId, cost: number) {
    const entries = log.get(venue) ?? [];
    entries.push({ at: now(), cost });
    log.set(venue, entries);
  }

  return {
    /** Weight an answer cost beyond its request's (see VenueClient.charge). */
    charge,
    /** Called for every answer a venue gives (see createVenueClient's onResponse). */
    record(info: ResponseInfo, cost = 1) {
      charge(info.venue, cost);
      const header = Number(info.headers.get(USED_WEIGHT_HEADER));
      if (Number.isFinite(header) && header > 0)
        reported.set(info.venue, { at: now(), used: header });
    },
    /** Share of the venue's documented limit used in the current window, in percent. */
    usedPct(venue: VenueId): number | null {
      const limit = limits.get(venue);
      if (!limit) return null;
      const counted = recent(venue).reduce((sum, entry) => sum + entry.cost, 0);
      const header = reported.get(venue);
      const fresh = header && now() - header.at < limit.windowMs ? header.used : 0;
      return (Math.max(counted, fresh) / limit.budget) * 100;
    },
  };
}
export type Budget = ReturnType<typeof createBudget>;
