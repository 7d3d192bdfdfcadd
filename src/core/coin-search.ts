// Search-as-you-type over the coins a user can pin: the registry's names and tickers, and every
// coin the venues list (which the registry may not name). Pure, so it is tested in Node.
import { REGISTRY } from './coin-names';

export interface RegistryEntry {
  coin: string;
  /** Names as written, without the `~` mark. */
  names: string[];
  /** Old or alternative tickers (`=XBT`). */
  altTickers: string[];
}

/** The registry as a list, for search: every coin with its names and alternative tickers. */
export function registryEntries(): RegistryEntry[] {
  return REGISTRY.split(';').map((entry) => {
    const [coin = '', list = ''] = entry.split(':');
    const names: string[] = [];
    const altTickers: string[] = [];
    for (const name of list.split('|')) {
      if (name.startsWith('=')) altTickers.push(name.slice(1));
      else names.push(name.startsWith('~') ? name.slice(1) : name);
    }
    return { coin, names, altTickers };
  });
}

export interface CoinMatch {
  coin: string;
  /** The registry's first name for the coin; null for a coin only the venues list. */
  name: string | null;
}

/** Lower rank is better: the ticker typed in full beats a ticker that starts so, and so on. */
const RANK = {
  exactTicker: 0,
  exactName: 1,
  tickerPrefix: 2,
  namePrefix: 3,
  nameWord: 4,
  nameContains: 5,
} as const;

function nameRank(names: readonly string[], query: string): number | null {
  let best: number | null = null;
  for (const name of names) {
    const lower = name.toLowerCase();
    let rank: number | null = null;
    if (lower === query) rank = RANK.exactName;
    else if (lower.startsWith(query)) rank = RANK.namePrefix;
    else if (lower.split(/[\s.-]+/).some((word) => word.startsWith(query))) rank = RANK.nameWord;
    else if (query.length >= 3 && lower.includes(query)) rank = RANK.nameContains;
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

/**
 * Up to `limit` coins matching `query` (case-insensitive), best first: exact ticker, ticker
 * prefix, name prefix, a word of the name, then (from three letters) anywhere in a name; ties by
 * ticker length, then alphabetically. An empty query matches nothing.
 */
export function searchCoins(
  query: string,
  registry: readonly RegistryEntry[],
  listedCoins: readonly string[],
  limit = 8,
): CoinMatch[] {
  const typed = query.trim().toLowerCase();
  if (!typed) return [];
  const entries = new Map<string, RegistryEntry>(registry.map((entry) => [entry.coin, entry]));
  for (const coin of listedCoins) {
    if (!entries.has(coin)) entries.set(coin, { coin, names: [], altTickers: [] });
  }
  const ranked: Array<{ match: CoinMatch; rank: number }> = [];
  for (const entry of entries.values()) {
    const tickers = [entry.coin, ...entry.altTickers].map((ticker) => ticker.toLowerCase());
    let rank: number | null = null;
    if (tickers.includes(typed)) rank = RANK.exactTicker;
    else if (tickers.some((ticker) => ticker.startsWith(typed))) rank = RANK.tickerPrefix;
    const byName = nameRank(entry.names, typed);
    if (byName !== null && (rank === null || byName < rank)) rank = byName;
    // (A name can beat a ticker prefix: "ether" is Ethereum before ETHFI.)
    if (rank !== null)
      ranked.push({ match: { coin: entry.coin, name: entry.names[0] ?? null }, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.match.coin.length - b.match.coin.length ||
      a.match.coin.localeCompare(b.match.coin),
  );
  return ranked.slice(0, limit).map(({ match }) => match);
}
