// The detector's view of the registry (src/core/coin-names.ts): tickers and names by first word.
import { REGISTRY } from '../core/coin-names';

export interface CoinName {
  /** The spelling to find, exactly. */
  text: string;
  coin: string;
  /** An ordinary word too: counts only with context. */
  weak: boolean;
}

/** Every coin's ticker, and alternative tickers mapped to the coin. */
export const REGISTRY_TICKERS = new Map<string, string>();
/** Names by their first word in lower case, longest first. */
export const NAMES_BY_FIRST_WORD = new Map<string, CoinName[]>();

const WORD_END = /[\s.,;:!?'’"()[\]/-]|$/;

function addName(text: string, coin: string, weak: boolean) {
  const first = (text.split(WORD_END, 1)[0] ?? text).toLowerCase();
  const list = NAMES_BY_FIRST_WORD.get(first) ?? [];
  if (!list.some((name) => name.text === text)) list.push({ text, coin, weak });
  list.sort((a, b) => b.text.length - a.text.length);
  NAMES_BY_FIRST_WORD.set(first, list);
}

for (const entry of REGISTRY.split(';')) {
  const [coin = '', names = ''] = entry.split(':');
  REGISTRY_TICKERS.set(coin, coin);
  for (const name of names.split('|')) {
    if (name.startsWith('=')) REGISTRY_TICKERS.set(name.slice(1), coin);
    else if (name.startsWith('~')) addName(name.slice(1), coin, true);
    else {
      addName(name, coin, false);
      // Strong names also count in capitals ("BITCOIN SURGES"), unless that is the ticker.
      const upper = name.toUpperCase();
      if (upper !== coin) addName(upper, coin, false);
    }
  }
}
