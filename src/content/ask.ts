// The content script's questions to the background. Answers are checked by the hand-written
// guards of ./answers (not zod: see there why).

import type { CoinContext } from '../messages';
import { contextsOf, pageSettingsOf, pinsOf } from './answers';
import { extension } from './extension-api';

/**
 * Figures already asked for, per coin (null: the background had none). A busy page asks for the
 * same coins over and over; every answer is copied into the page's process and checked on its
 * main thread, so the answers are kept until the background says the figures changed, or a
 * minute has passed (a push can be missed while the worker restarts).
 */
const cache = new Map<string, CoinContext | null>();
const CACHE_MS = 60_000;
let cachedAt = 0;

export function forgetContexts() {
  cache.clear();
}

export async function requestContexts(coins: readonly string[]): Promise<Map<string, CoinContext>> {
  if (Date.now() - cachedAt > CACHE_MS) forgetContexts();
  const missing = coins.filter((coin) => !cache.has(coin));
  if (missing.length > 0) {
    const answer = await extension.runtime.sendMessage({ type: 'getContext', coins: missing });
    const contexts = contextsOf(answer);
    if (contexts) {
      if (cache.size === 0) cachedAt = Date.now();
      for (const coin of missing) cache.set(coin, null);
      for (const context of contexts) cache.set(context.coin, context);
    }
  }
  const found = new Map<string, CoinContext>();
  for (const coin of coins) {
    const context = cache.get(coin);
    if (context) found.set(coin, context);
  }
  return found;
}

export async function pinCoin(coin: string): Promise<boolean> {
  const pins = pinsOf(await extension.runtime.sendMessage({ type: 'pinCoin', coin }));
  return pins?.includes(coin) ?? false;
}

/** Whether to run on this page and how densely; off when the background cannot say. */
export async function requestPageSettings() {
  const answer: unknown = await extension.runtime
    .sendMessage({ type: 'getPageSettings' })
    .catch(() => null);
  return pageSettingsOf(answer) ?? { enabled: false, density: 'off' as const };
}
