// The last figures the popup showed, kept in the popup's own localStorage so the next open can
// draw them before its first paint: a synchronous read, with no round trip to the browser process
// (storage.local's is what a freshly started extension process waits longest for). Read back
// through zod (an older version's or a damaged cache is ignored) and always shown with its age.
import { z } from 'zod/mini';
import { CoinContext, MarketContext, NoFigures, VenueHealth } from '../messages';
import type { PopupData } from './api';

const CACHE_KEY = 'popupCache';

const PopupCache = z.object({
  savedAt: z.number(),
  data: z.object({
    market: MarketContext,
    pinned: z.array(z.union([CoinContext, NoFigures])),
    pins: z.array(z.string()),
    coins: z.array(CoinContext),
    venues: z.array(VenueHealth),
  }),
});
export type PopupCache = z.infer<typeof PopupCache>;

type CacheStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The cached figures, or null when there are none or they do not pass the schema. */
export function readCache(storage: CacheStorage = localStorage): PopupCache | null {
  try {
    const parsed = PopupCache.safeParse(JSON.parse(storage.getItem(CACHE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves what the popup shows; a full or refused storage only costs the next open its head start. */
export function writeCache(data: PopupData, savedAt: number, storage: CacheStorage = localStorage) {
  try {
    storage.setItem(CACHE_KEY, JSON.stringify({ savedAt, data } satisfies PopupCache));
  } catch (error) {
    console.warn('Leverage Lens: popup cache not saved', error);
  }
}
