// The ids of figures that are not known yet (CoinContext.missing, MarketContext.missing) in words.
import { t } from '../i18n';

const MISSING_FIGURES = {
  'oi-history': 'missingOiHistory',
  'oi-percentile': 'missingPercentile',
  liquidations: 'missingLiquidations',
  'market-cap': 'missingMarketCap',
  'oi-change-24h': 'missingOiChange',
  'price-change-24h': 'missingPriceChange',
  funding: 'missingFunding',
  'liquidation-coverage': 'missingCoverage',
  'signal-oi-floor': 'missingOiFloor',
} as const;

export function describeMissing(id: string): string {
  return id in MISSING_FIGURES ? t(MISSING_FIGURES[id as keyof typeof MISSING_FIGURES]) : id;
}
