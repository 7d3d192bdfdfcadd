// The ids of figures that are not known yet (CoinContext.missing, MarketContext.missing) in words.
const MISSING_FIGURES: Record<string, string> = {
  'oi-history': 'open interest changes (history is loading or not served)',
  'oi-percentile': '30-day percentile',
  liquidations: 'a full window of liquidations',
  'market-cap': 'market cap',
  'oi-change-24h': '24h open interest change',
  'price-change-24h': '24h price change',
  funding: 'funding',
  'liquidation-coverage': 'an hour of liquidation coverage',
};

export function describeMissing(id: string): string {
  return MISSING_FIGURES[id] ?? id;
}
