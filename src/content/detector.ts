// Finds coin mentions in plain text. Pure, so the content script and `npm run mentions` share it.
import { STABLECOINS } from '../core/coins';
import { COIN_NAMES } from './coin-names';

export interface Mention {
  coin: string;
  start: number;
  end: number;
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest names first, so that "Ethereum" wins over "Ether".
const namesPattern = Object.keys(COIN_NAMES)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

// A cashtag is "$" then a letter-led ticker, not glued to a word before it ("US$5" is money).
const MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}_$])(?:\\$(?<cashtag>[A-Z][A-Z0-9]{1,9})|(?<name>${namesPattern}))(?![\\p{L}\\p{N}_])`,
  'gu',
);

// "Solana (SOL)" and "Bitcoin [BTC]" are one mention.
const TICKER_SUFFIX = /^\s*[([]\$?(?<ticker>[A-Z0-9]{2,10})[)\]]/;

export function detectMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  let consumed = 0;
  for (const match of text.matchAll(MENTION)) {
    // "Bitcoin ($BTC)" was taken whole; its "$BTC" is not a second mention.
    if (match.index < consumed) continue;
    const { cashtag, name } = match.groups ?? {};
    const coin = cashtag ?? (name ? COIN_NAMES[name] : undefined);
    if (!coin || STABLECOINS.has(coin)) continue;
    const start = match.index;
    let end = start + match[0].length;
    const suffix = name ? TICKER_SUFFIX.exec(text.slice(end)) : null;
    if (suffix?.groups?.ticker === coin) end += suffix[0].length;
    mentions.push({ coin, start, end, text: text.slice(start, end) });
    consumed = end;
  }
  return mentions;
}
