// The coins the toolbar badge's menu offers.
import type { ToolbarModeAnswer } from '../messages';

/**
 * The pins, and the coin the badge follows now when it is no longer pinned: without it the menu
 * would show its first choice while the badge still shows that coin.
 */
export function toolbarCoins(pins: readonly string[], mode: ToolbarModeAnswer['mode']): string[] {
  if (mode.kind !== 'coin-oi-change-24h' || pins.includes(mode.coin)) return [...pins];
  return [...pins, mode.coin];
}
