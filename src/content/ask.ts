// The content script's questions to the background. Answers are checked by the hand-written
// guards of ./answers (not zod: see there why).
import browser from 'webextension-polyfill';
import type { CoinContext } from '../messages';
import { contextsOf, pageSettingsOf, pinsOf } from './answers';

export async function requestContexts(coins: readonly string[]): Promise<Map<string, CoinContext>> {
  if (coins.length === 0) return new Map();
  const contexts = contextsOf(await browser.runtime.sendMessage({ type: 'getContext', coins }));
  return new Map((contexts ?? []).map((context) => [context.coin, context]));
}

export async function pinCoin(coin: string): Promise<boolean> {
  const pins = pinsOf(await browser.runtime.sendMessage({ type: 'pinCoin', coin }));
  return pins?.includes(coin) ?? false;
}

/** Whether to run on this page and how densely; off when the background cannot say. */
export async function requestPageSettings() {
  const answer: unknown = await browser.runtime
    .sendMessage({ type: 'getPageSettings' })
    .catch(() => null);
  return pageSettingsOf(answer) ?? { enabled: false, density: 'off' as const };
}
