// What the toolbar icon's badge says: a figure short enough for four characters, and a colour
// that tells which signal is active, and a title in the user's language. Pure.
import type { CoinContext, MarketContext, Signal } from '../messages';
import { type SentenceWords, signalSentence } from './signal-sentence';

export type ToolbarMode =
  | { kind: 'market-liquidations-1h' }
  | { kind: 'coin-oi-change-24h'; coin: string }
  | { kind: 'off' };

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

const COLOURS: Record<Signal['id'] | 'none', string> = {
  'long-flush': '#b91c1c',
  'short-squeeze': '#b91c1c',
  overheated: '#b45309',
  'crowded-shorts': '#b45309',
  'spot-led': '#15803d',
  none: '#475569',
};

/** $1.2B → "1.2B", $450M → "450M": the badge has room for about four characters. */
export function shortUsd(value: number): string {
  const units: Array<[number, string]> = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (value >= size) {
      const scaled = value / size;
      return `${scaled >= 10 ? Math.round(scaled) : scaled.toFixed(1)}${suffix}`;
    }
  }
  return String(Math.round(value));
}

const colourOf = (signals: readonly Signal[]) => COLOURS[signals[0]?.id ?? 'none'];

/** The title, followed by the first active signal's sentence. */
function withSignal(title: string, signals: readonly Signal[], words: SentenceWords): string {
  return signals[0] ? `${title} · ${signalSentence(signals[0], words)}` : title;
}

export function toolbarBadge(
  mode: ToolbarMode,
  market: MarketContext | null,
  coin: CoinContext | null,
  words: SentenceWords,
): ToolbarBadge {
  if (mode.kind === 'off') {
    return { text: '', color: COLOURS.none, title: words.message('actionTitle') };
  }
  if (mode.kind === 'market-liquidations-1h') {
    const window = market?.liquidations['1h'];
    if (!market || !window || window.longUsd === null || window.shortUsd === null) {
      return {
        text: '',
        color: COLOURS.none,
        title: words.message('toolbarTitleNoLiquidations'),
      };
    }
    const total = window.longUsd + window.shortUsd;
    return {
      text: shortUsd(total),
      color: colourOf(market.signals),
      title: withSignal(
        // The title has room for the popup's figure, in the language's format.
        words.message('toolbarTitleLiquidations', words.usdCompact(total)),
        market.signals,
        words,
      ),
    };
  }
  const change = coin?.oi.change24hPct;
  if (!coin || change === null || change === undefined) {
    return {
      text: '',
      color: COLOURS.none,
      title: words.message('toolbarTitleNoOiChange', mode.coin),
    };
  }
  return {
    text: `${change > 0 ? '+' : ''}${Math.round(change)}%`,
    color: colourOf(coin.signals),
    title: withSignal(
      words.message(
        'toolbarTitleOiChange',
        coin.coin,
        `${change > 0 ? '+' : ''}${change.toFixed(1)}%`,
      ),
      coin.signals,
      words,
    ),
  };
}
