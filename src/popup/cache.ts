// The last figures the popup showed, kept in storage.local so the next open draws at once. Read
// back through zod (an older version's or a damaged cache is ignored) and always shown with its age.
import browser from 'webextension-polyfill';
import { z } from 'zod/mini';
import { CoinContext, MarketContext, VenueHealth } from '../messages';
import type { PopupData } from './api';

const CACHE_KEY = 'popupCache';

const PopupCache = z.object({
  savedAt: z.number(),
  data: z.object({
    market: MarketContext,
    pinned: z.array(CoinContext),
    pins: z.array(z.string()),
    coins: z.array(CoinContext),
    venues: z.array(VenueHealth),
  }),
});
export type PopupCache = z.infer<typeof PopupCache>;

/** The cached figures, or null when there are none or they do not pass the schema. */
export async function readCache(): Promise<PopupCache | null> {
  const parsed = PopupCache.safeParse((await browser.storage.local.get(CACHE_KEY))[CACHE_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function writeCache(data: PopupData, savedAt: number): Promise<void> {
  await browser.storage.local.set({ [CACHE_KEY]: { savedAt, data } satisfies PopupCache });
}
