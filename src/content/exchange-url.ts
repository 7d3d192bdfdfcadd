// The coin of an exchange's trading page, read from its URL alone (no DOM): the content script
// loads the panel only where this gives a coin.
import { parseBaseAsset, STABLECOINS } from '../core/coins';

/** `en`, `zh-CN`, `pt-BR`, `zh-hans`: the language prefixes Binance and OKX put before paths. */
const LOCALE = /^[a-z]{2}(?:[-_][a-z0-9]{2,4})?$/i;
const QUOTES = ['USDT', 'USDC', 'USD'] as const;
const STABLE_QUOTES = ['USDT', 'USDC'] as const;

/** The canonical coin of a venue's base asset (`1000PEPE` and `kPEPE` are PEPE), or null. */
function canonical(base: string): string | null {
  if (!/^[A-Za-z0-9]{1,20}$/.test(base)) return null;
  const { coin } = parseBaseAsset(base);
  return /^(?=.*[A-Z])[A-Z0-9]{1,15}$/.test(coin) && !STABLECOINS.has(coin) ? coin : null;
}

/**
 * The coin of a derivatives symbol: `BTCUSDT`, `1000PEPEUSDT`, `BTCUSD_PERP`, `BTCUSDT_250328`,
 * `BTCPERP` (Bybit's USDC perpetual), `BTC-USDT-SWAP`; null when no known quote ends it.
 */
function coinFromSymbol(symbol: string, quotes: readonly string[] = QUOTES): string | null {
  let rest = symbol.toUpperCase();
  let perpetual = false;
  const suffix = /(?:\.P|[-_]PERP|-SWAP|_\d{6}|PERP)$/.exec(rest);
  if (suffix) {
    rest = rest.slice(0, suffix.index);
    perpetual = suffix[0] === 'PERP';
  }
  const quote = quotes.find((q) => rest.endsWith(q) && rest.length > q.length);
  if (quote) rest = rest.slice(0, -quote.length).replace(/[-_/]$/, '');
  else if (!perpetual) return null;
  return canonical(rest);
}

/** Path segments without empty ones and without a leading language prefix. */
function segments(url: URL, localized: boolean): string[] {
  const parts = url.pathname.split('/').filter(Boolean);
  return localized && parts.length > 1 && LOCALE.test(parts[0] ?? '') ? parts.slice(1) : parts;
}

function binance(url: URL): string | null {
  const [section, symbol, ...more] = segments(url, true);
  if (section !== 'futures' || !symbol || more.length > 0) return null;
  return coinFromSymbol(symbol);
}

function bybit(url: URL): string | null {
  const [section, category, symbol, ...more] = segments(url, true);
  if (section !== 'trade' || !symbol || more.length > 0) return null;
  if (category !== 'usdt' && category !== 'usdc' && category !== 'inverse') return null;
  return coinFromSymbol(symbol);
}

function okx(url: URL): string | null {
  const [section, instrument, ...more] = segments(url, true);
  if (section !== 'trade-swap' || !instrument || more.length > 0) return null;
  const match = /^([a-z0-9]+)-(usdt|usdc|usd)-swap$/i.exec(instrument);
  return match?.[1] ? canonical(match[1].toUpperCase()) : null;
}

function hyperliquid(url: URL): string | null {
  const [section, coin, ...more] = segments(url, false);
  // `/trade/PURR/USDC` and `/trade/@107` are spot; `/trade/xyz:TSLA` a builder-deployed market.
  if (section !== 'trade' || !coin || more.length > 0) return null;
  return canonical(coin);
}

/** `BTCUSDT.P`, `BINANCE:BTCUSDT.P`, `BYBIT-BTCUSDT.P`; USD quotes only on perpetuals (`.P`). */
function tradingViewSymbol(symbol: string): string | null {
  const match = /^(?:[A-Z0-9_]+[:-])?([A-Z0-9]+(?:\.P)?)$/i.exec(symbol);
  const ticker = match?.[1];
  if (!ticker) return null;
  return coinFromSymbol(ticker, /\.P$/i.test(ticker) ? QUOTES : STABLE_QUOTES);
}

function tradingView(url: URL): string | null {
  const [section, symbol] = segments(url, false);
  if (section === 'symbols' && symbol) return tradingViewSymbol(symbol);
  if (section === 'chart') {
    const symbolParam = url.searchParams.get('symbol');
    return symbolParam ? tradingViewSymbol(symbolParam) : null;
  }
  return null;
}

/** Our exchange-like test page, read like Binance: `/pages/exchange.html?symbol=ETHUSDT`. */
function testPage(url: URL): string | null {
  if (url.pathname !== '/pages/exchange.html') return null;
  const symbol = url.searchParams.get('symbol');
  return symbol ? coinFromSymbol(symbol) : null;
}

const EXCHANGE_HOSTS = new Set([
  'www.binance.com',
  'binance.com',
  'www.bybit.com',
  'www.okx.com',
  'app.hyperliquid.xyz',
  'www.tradingview.com',
  'tradingview.com',
]);

/**
 * Our exchange-like test page, served by the replay server: recognised only by builds pointed at
 * it (LL_VENUE_ORIGIN, DESIGN.md), so that a release knows no loopback address at all.
 */
function isTestPage(url: URL, testOrigin: string): boolean {
  if (!testOrigin || url.pathname !== '/pages/exchange.html') return false;
  return url.hostname === new URL(testOrigin).hostname;
}

/**
 * Whether the page is on a site the panel covers (our test page included), even where this URL
 * names no coin yet: a single-page app may navigate to a trading page later.
 */
export function isExchangeSite(url: URL, testOrigin: string = __LL_VENUE_ORIGIN__): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return EXCHANGE_HOSTS.has(url.hostname) || isTestPage(url, testOrigin);
}

/** The coin a trading page is about, or null for any other page (home, spot, other paths). */
export function coinFromUrl(url: URL, testOrigin: string = __LL_VENUE_ORIGIN__): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  switch (url.hostname) {
    case 'www.binance.com':
    case 'binance.com':
      return binance(url);
    case 'www.bybit.com':
      return bybit(url);
    case 'www.okx.com':
      return okx(url);
    case 'app.hyperliquid.xyz':
      return hyperliquid(url);
    case 'www.tradingview.com':
    case 'tradingview.com':
      return tradingView(url);
    default:
      return isTestPage(url, testOrigin) ? testPage(url) : null;
  }
}
