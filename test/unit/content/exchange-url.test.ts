import { describe, expect, it } from 'vitest';
import { coinFromUrl, isExchangeSite } from '../../../src/content/exchange-url';

/** A test build's replay origin: only such builds know our loopback test page. */
const TEST_ORIGIN = 'http://127.0.0.1:9400';
const coin = (href: string) => coinFromUrl(new URL(href), TEST_ORIGIN);

describe('trading pages give their coin', () => {
  it.each([
    // Binance USDⓈ-M and COIN-M futures, with and without a language prefix.
    ['https://www.binance.com/futures/BTCUSDT', 'BTC'],
    ['https://www.binance.com/en/futures/BTCUSDT', 'BTC'],
    ['https://www.binance.com/zh-CN/futures/ETHUSDT?_from=markets', 'ETH'],
    ['https://www.binance.com/pt-BR/futures/SOLUSDT/', 'SOL'],
    ['https://binance.com/en/futures/1000PEPEUSDT', 'PEPE'],
    ['https://www.binance.com/en/futures/1000000MOGUSDT', 'MOG'],
    ['https://www.binance.com/en/futures/1MBABYDOGEUSDT', 'BABYDOGE'],
    ['https://www.binance.com/en/futures/1INCHUSDT', '1INCH'],
    ['https://www.binance.com/en/futures/BTCUSDC', 'BTC'],
    ['https://www.binance.com/en/futures/BTCUSD_PERP', 'BTC'],
    ['https://www.binance.com/en/futures/ETHUSDT_250328', 'ETH'],
    ['https://www.binance.com/en/futures/WUSDT', 'W'],
    ['https://www.binance.com/en/futures/btcusdt', 'BTC'],
    // Bybit derivatives.
    ['https://www.bybit.com/trade/usdt/BTCUSDT', 'BTC'],
    ['https://www.bybit.com/en/trade/usdt/1000PEPEUSDT', 'PEPE'],
    ['https://www.bybit.com/trade/usdc/BTCPERP', 'BTC'],
    ['https://www.bybit.com/trade/usdc/ETHUSDC', 'ETH'],
    ['https://www.bybit.com/trade/inverse/BTCUSD', 'BTC'],
    // OKX perpetual swaps, with and without a language prefix.
    ['https://www.okx.com/trade-swap/btc-usdt-swap', 'BTC'],
    ['https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap', 'ETH'],
    ['https://www.okx.com/ua/trade-swap/sol-usd-swap', 'SOL'],
    ['https://www.okx.com/trade-swap/BTC-USDC-SWAP', 'BTC'],
    ['https://www.okx.com/trade-swap/pepe-usdt-swap?tab=positions', 'PEPE'],
    // Hyperliquid perpetuals, including lot-prefixed ones.
    ['https://app.hyperliquid.xyz/trade/BTC', 'BTC'],
    ['https://app.hyperliquid.xyz/trade/HYPE/', 'HYPE'],
    ['https://app.hyperliquid.xyz/trade/kPEPE', 'PEPE'],
    ['https://app.hyperliquid.xyz/trade/kBONK', 'BONK'],
    // TradingView symbol pages and charts.
    ['https://www.tradingview.com/symbols/BTCUSDT.P/', 'BTC'],
    ['https://www.tradingview.com/symbols/BYBIT-BTCUSDT.P/', 'BTC'],
    ['https://www.tradingview.com/symbols/BINANCE-1000PEPEUSDT.P/ideas/', 'PEPE'],
    ['https://www.tradingview.com/symbols/BINANCE-ETHUSDT/', 'ETH'],
    ['https://www.tradingview.com/symbols/BITMEX-SOLUSD.P/', 'SOL'],
    ['https://www.tradingview.com/chart/?symbol=BINANCE:BTCUSDT.P', 'BTC'],
    ['https://www.tradingview.com/chart/?symbol=BINANCE%3AETHUSDT.P', 'ETH'],
    ['https://www.tradingview.com/chart/Xy12AbCd/?symbol=BYBIT%3ASOLUSDT.P&interval=15', 'SOL'],
    ['https://tradingview.com/chart/?symbol=OKX:DOGEUSDT', 'DOGE'],
    // Our exchange-like test page.
    ['http://127.0.0.1:5173/pages/exchange.html?symbol=ETHUSDT', 'ETH'],
    ['http://127.0.0.1:41234/pages/exchange.html?symbol=BTCUSDT', 'BTC'],
    ['http://127.0.0.1:8080/pages/exchange.html?symbol=1000PEPEUSDT', 'PEPE'],
  ])('%s → %s', (href, expected) => {
    expect(coin(href)).toBe(expected);
  });
});

describe('other pages give no coin', () => {
  it.each([
    // Home pages and landing pages.
    'https://www.binance.com/',
    'https://www.binance.com/en',
    'https://www.bybit.com/en/',
    'https://www.okx.com/',
    'https://app.hyperliquid.xyz/',
    'https://www.tradingview.com/',
    // Spot pages.
    'https://www.binance.com/en/trade/BTC_USDT?type=spot',
    'https://www.binance.com/trade/ETH_USDT?theme=dark&type=spot',
    'https://www.bybit.com/en/trade/spot/BTC/USDT',
    'https://www.okx.com/trade-spot/btc-usdt',
    'https://www.okx.com/zh-hans/trade-spot/eth-usdt',
    'https://app.hyperliquid.xyz/trade/PURR/USDC',
    'https://app.hyperliquid.xyz/trade/@107',
    // Unrelated or incomplete paths.
    'https://www.binance.com/en/futures/home',
    'https://www.binance.com/en/futures/',
    'https://www.binance.com/en/markets/overview',
    'https://www.binance.com/en/price/bitcoin',
    'https://www.binance.com/en/futures/BTCUSDT/calculator',
    'https://www.binance.com/en/futures/USDCUSDT',
    'https://www.bybit.com/trade/usdt/',
    'https://www.bybit.com/en/trade/futures/BTCUSDT/extra',
    'https://www.okx.com/trade-swap/',
    'https://www.okx.com/trade-futures/btc-usd-250328',
    'https://www.okx.com/markets/prices/bitcoin-btc',
    'https://app.hyperliquid.xyz/trade',
    'https://app.hyperliquid.xyz/portfolio',
    'https://app.hyperliquid.xyz/trade/xyz:TSLA',
    'https://www.tradingview.com/symbols/NASDAQ-AAPL/',
    'https://www.tradingview.com/symbols/EURUSD/',
    'https://www.tradingview.com/symbols/COINBASE-BTCUSD/',
    'https://www.tradingview.com/chart/',
    'https://www.tradingview.com/chart/?symbol=NASDAQ:AAPL',
    'https://www.tradingview.com/markets/cryptocurrencies/',
    // The right paths on hosts that are not the exchange's.
    'https://binance.com.evil.example/en/futures/BTCUSDT',
    'https://evil.example/futures/BTCUSDT',
    'https://accounts.binance.com/en/futures/BTCUSDT',
    'https://example.com/pages/exchange.html?symbol=BTCUSDT',
    // Our test pages without a symbol, or other test pages.
    'http://127.0.0.1:5173/pages/exchange.html',
    'http://127.0.0.1:5173/pages/article.html?symbol=BTCUSDT',
    'http://127.0.0.1:5173/pages/exchange.html?symbol=%3Cimg%3E',
    // Other schemes.
    'file:///pages/exchange.html?symbol=BTCUSDT',
    'ftp://www.binance.com/futures/BTCUSDT',
  ])('%s → null', (href) => {
    expect(coin(href)).toBeNull();
  });
});

describe('a release build', () => {
  it('knows no test page: loopback pages are nobody’s exchange', () => {
    expect(
      coinFromUrl(new URL('http://127.0.0.1:9400/pages/exchange.html?symbol=BTCUSDT'), ''),
    ).toBeNull();
    expect(isExchangeSite(new URL('http://127.0.0.1:9400/pages/exchange.html'), '')).toBe(false);
  });
});

describe('exchange sites, where the panel module loads', () => {
  it.each([
    ['https://www.binance.com/en', true],
    ['https://www.bybit.com/', true],
    ['https://www.okx.com/trade-spot/btc-usdt', true],
    ['https://app.hyperliquid.xyz/portfolio', true],
    ['https://www.tradingview.com/', true],
    ['http://127.0.0.1:5173/pages/exchange.html', true],
    ['http://127.0.0.1:5173/pages/article.html', false],
    ['https://www.coindesk.com/markets/', false],
    ['https://accounts.binance.com/en/login', false],
  ])('%s → %s', (href, expected) => {
    expect(isExchangeSite(new URL(href), TEST_ORIGIN)).toBe(expected);
  });
});
