// Finds coin mentions in plain text. Pure, so the content script and `npm run mentions` share it.
// One pass of one word regex; names are looked up by their first word (a small trie), tickers in
// a map. Words that are also ordinary words (NEAR, ONE, T, Story) need context to count.
import { parseBaseAsset, STABLECOINS } from '../core/coins';
import { NAMES_BY_FIRST_WORD, REGISTRY_TICKERS } from './coin-registry';

export interface Mention {
  coin: string;
  start: number;
  end: number;
  text: string;
}

export interface DetectOptions {
  /** Base tickers the venues list (canonical, upper case): tickers beyond the registry's. */
  tickers?: ReadonlySet<string>;
}

/** Tickers that are words, but in mixed-case text almost always mean the coin. */
const USUALLY_COIN = new Set(
  'NEAR LINK APT UNI TON ATOM ARB ETC HYPE DOT SAND MANA FLOW GALA COMP CAKE ROSE BLUR APE GMT MASK DASH BRETT TURBO MOG AERO ZORA VANA BIO ORCA WAL'.split(
    ' ',
  ),
);
/** Tickers that are common words or abbreviations: they need context even in mixed case. */
const NEEDS_CONTEXT = new Set(
  'ONE RED HOME TREE LIGHT FUN PUMP NOT MOVE GAS SUN TRUMP MELANIA ACT GOAT DOGS SIGN CORE BEAM BLAST DRIFT GRASS BAND SKY INIT LAYER BABY SPX ANIME JOE USUAL DEGEN VINE ARC NIL COOKIE SYRUP SOLV TST PLUME JUST ICX NEO MINA KAVA OCEAN QNT THETA VIRTUAL ASTER XPL RON PIXEL SUSHI ALT ME AI'.split(
    ' ',
  ),
);
/** Stock cashtags that crypto news also prints. */
const STOCKS = new Set(
  'AAPL TSLA MSTR COIN HOOD NVDA SPY QQQ GME AMC META AMZN GOOGL MSFT CRCL GLXY BMNR SBET MARA RIOT CLSK IBIT'.split(
    ' ',
  ),
);

const WORD = /\$?[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_TICKER = /^[A-Z0-9]*[A-Z][A-Z0-9]*$/;
const LOT_TICKER = /^(?:1000000|10000|1000|1M|k)[A-Z][A-Z0-9]+$/;
const QUOTE_SUFFIX = /^(.+?)(?:USDT|USDC|BUSD|FDUSD|USD|PERP)$/;
/** "Solana (SOL)", "Bitcoin [BTC]", "Bitcoin ($BTC)". */
const TICKER_SUFFIX = /\s*[([]\$?([A-Z0-9]{1,10})[)\]]/y;
/** The rest of an exchange symbol: "/USDT", "-USDT-SWAP", "_PERP". */
const PAIR_TAIL = /(?:[/_-](?:USDT|USDC|BUSD|FDUSD|USD|PERP|SWAP|USDⓈ))+(?![\p{L}\p{N}])/uy;
/** Words after a ticker or name that make it a coin, even in a headline. */
const STRONG_AFTER =
  /\s+(?:tokens?|coins?|memecoins?|meme ?coins?|perps?|perpetuals?|protocol|network|labs|foundation|blockchain|mainnet|ecosystem|dao|finance|airdrop)(?![\p{L}\p{N}])/iuy;
/** Words after a ticker that make it a coin in ordinary text. */
const WEAK_AFTER =
  /\s+(?:price|prices|futures|holders|whales|staking|stakers|open interest|funding|longs|shorts|rose|fell|jumped|surged|slid|dropped|gained|rallied|plunged|tumbled|climbed|soared|sank|dipped|dumped|pumped|spiked|led|lagged|traded|trades|is up|is down|was up|was down|added|lost|outperformed|underperformed|governance|validators|developers|treasury|unlocks?|listing)(?![\p{L}\p{N}])/uy;
const PRICE_NEAR = /^[^.,;!?\n]{0,14}?(?:[$€£]\s?\d|\d(?:[.,]\d+)?\s?(?:%|percent))/;
/** Category words: "AI tokens" are a sector, not the AI coin. */
const SECTORS = new Set(['AI', 'ME', 'RWA', 'DEFI', 'MEME']);
/** "a", "an", "the" before a word-like ticker: "an APT", "the DOT" are more often not coins. */
const ARTICLE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:a|an|the|The|A|An)\s+$/u;
/** "Mr. Sui": a person. */
const HONORIFIC_BEFORE = /(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+$/;
const LIST_GAP = /^\s*(?:,|&|\/|,?\s*(?:and|or|AND|OR|vs\.?|versus)\s)\s*$/;

interface Candidate extends Mention {
  /** Counts only next to a counted mention in a list ("Solana, Near and Aptos"). */
  pending: boolean;
  /** A pending ticker (not a name): three in a list count ("NEAR, LINK AND UNI RALLY"). */
  ticker: boolean;
}

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}

function sticky(regex: RegExp, text: string, index: number): RegExpExecArray | null {
  regex.lastIndex = index;
  return regex.exec(text);
}

/** A ticker's coin if it is one: registry, venues' tickers, lots ("1000PEPE", "kPEPE"). */
function tickerCoin(word: string, known?: ReadonlySet<string>): string | undefined {
  const coin = REGISTRY_TICKERS.get(word) ?? (known?.has(word) ? word : undefined);
  if (coin) return coin;
  if (LOT_TICKER.test(word)) {
    const base = parseBaseAsset(word).coin;
    return REGISTRY_TICKERS.get(base) ?? (known?.has(base) ? base : undefined);
  }
  return undefined;
}

/**
 * Whether the text around a word is a shouted headline: words that are not coins are mostly in
 * capitals. Then capitalised words are no evidence of a ticker.
 */
function isShouting(text: string, start: number, end: number, known?: ReadonlySet<string>) {
  let from = Math.max(0, start - 60);
  let to = Math.min(text.length, end + 60);
  const before = text.lastIndexOf('\n', start);
  if (before >= from) from = before + 1;
  const after = text.indexOf('\n', end);
  if (after !== -1 && after < to) to = after;
  let upper = 0;
  let lower = 0;
  for (const match of text.slice(from, to).matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || from + match.index === start || word.startsWith('$')) continue;
    if (/\d/.test(word) || tickerCoin(word, known) || NAMES_BY_FIRST_WORD.has(word.toLowerCase()))
      continue;
    if (word === word.toUpperCase()) upper++;
    else lower++;
  }
  return upper >= 1 && upper >= 3 * lower;
}

export function detectMentions(text: string, options: DetectOptions = {}): Mention[] {
  const known = options.tickers;
  const found: Candidate[] = [];
  let consumed = 0;
  const add = (coin: string, start: number, end: number, pending = false, ticker = false) => {
    if (STABLECOINS.has(coin)) return;
    found.push({ coin, start, end, text: text.slice(start, end), pending, ticker });
    consumed = end;
  };

  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (start < consumed) continue;
    const word = match[0];
    let end = start + word.length;

    // Cashtags: "$PEPE", not money ("US$5", "$100") nor stocks ("$MSTR").
    if (word[0] === '$') {
      const ticker = word.slice(1);
      if (isWordChar(text, start - 1) || !/^[A-Z][A-Z0-9]{1,9}$/.test(ticker)) continue;
      const coin = tickerCoin(ticker, known) ?? (known || STOCKS.has(ticker) ? undefined : ticker);
      if (coin) add(coin, start, end);
      continue;
    }

    // Names, longest first: "Bitcoin Cash" before "Bitcoin".
    const names = NAMES_BY_FIRST_WORD.get(word.toLowerCase());
    const name = names?.find(
      (entry) => text.startsWith(entry.text, start) && !isWordChar(text, start + entry.text.length),
    );
    if (name && !HONORIFIC_BEFORE.test(text.slice(Math.max(0, start - 6), start))) {
      end = start + name.text.length;
      const suffix = sticky(TICKER_SUFFIX, text, end);
      const suffixCoin = suffix?.[1] ? tickerCoin(suffix[1], known) : undefined;
      if (suffix && suffixCoin === name.coin) {
        add(name.coin, start, end + suffix[0].length);
      } else if (!name.weak || sticky(STRONG_AFTER, text, end)) {
        add(name.coin, start, end);
      } else if (!isShouting(text, start, end, known)) {
        add(name.coin, start, end, !sticky(WEAK_AFTER, text, end));
      }
      continue;
    }

    if ((!UPPER_TICKER.test(word) && !LOT_TICKER.test(word)) || STABLECOINS.has(word)) continue;

    // Exchange symbols: "BTCUSDT", "1000PEPEUSDT", "ETH/USDT", "BTC-USDT-SWAP".
    const tail = sticky(PAIR_TAIL, text, end);
    const quoted = QUOTE_SUFFIX.exec(word)?.[1];
    const pairCoin =
      (tail ? tickerCoin(word, known) : undefined) ??
      (quoted ? tickerCoin(quoted, known) : undefined);
    if (pairCoin) {
      add(pairCoin, start, end + (tail ? tail[0].length : 0));
      continue;
    }

    const coin = tickerCoin(word, known);
    // "A$20", "C$5": a currency's prefix.
    if (!coin || text[end] === '$') continue;
    const registry = REGISTRY_TICKERS.has(word);
    const usual = USUALLY_COIN.has(word);
    const needsContext = !usual && (NEEDS_CONTEXT.has(word) || word.length <= 2 || !registry);
    if (!usual && !needsContext) {
      add(coin, start, end);
      continue;
    }
    const inBrackets =
      word.length >= 2 && /[([]/.test(text[start - 1] ?? '') && /[)\]]/.test(text[end] ?? '');
    if (inBrackets || (!SECTORS.has(word) && sticky(STRONG_AFTER, text, end))) {
      add(coin, start, end);
      continue;
    }
    if (isShouting(text, start, end, known)) {
      if (usual) add(coin, start, end, true, true);
      continue;
    }
    const article = ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 5), start));
    const context =
      word.length > 1 &&
      (sticky(WEAK_AFTER, text, end) || PRICE_NEAR.test(text.slice(end, end + 30)));
    if ((usual && !article) || context) add(coin, start, end);
    else add(coin, start, end, true, usual);
  }

  // A pending word counts when it sits in a list next to a counted mention.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < found.length; i++) {
      const item = found[i];
      if (!item?.pending) continue;
      const prev = found[i - 1];
      const next = found[i + 1];
      const prevInList = prev && LIST_GAP.test(text.slice(prev.end, item.start));
      const nextInList = next && LIST_GAP.test(text.slice(item.end, next.start));
      if (
        (prevInList && !prev.pending) ||
        (nextInList && !next.pending) ||
        (prevInList && nextInList && item.ticker && prev.ticker && next.ticker)
      ) {
        item.pending = false;
        changed = true;
      }
    }
  }
  return found
    .filter((item) => !item.pending)
    .map(({ coin, start, end, text: slice }) => ({ coin, start, end, text: slice }));
}
