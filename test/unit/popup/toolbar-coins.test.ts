import { describe, expect, it } from 'vitest';
import { toolbarCoins } from '../../../src/popup/toolbar-coins';

describe("the toolbar badge's coins", () => {
  it('are the pins', () => {
    expect(toolbarCoins(['BTC', 'ETH'], { kind: 'coin-oi-change-24h', coin: 'ETH' })).toEqual([
      'BTC',
      'ETH',
    ]);
    expect(toolbarCoins(['BTC'], { kind: 'off' })).toEqual(['BTC']);
  });

  it('keep the coin the badge follows after it was unpinned, so the menu shows the truth', () => {
    expect(toolbarCoins(['ETH'], { kind: 'coin-oi-change-24h', coin: 'BTC' })).toEqual([
      'ETH',
      'BTC',
    ]);
  });
});
