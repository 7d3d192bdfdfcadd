// The toolbar badge has four characters and a colour: both must say the right thing.
import { describe, expect, it } from 'vitest';
import { shortUsd, toolbarBadge } from '../../../src/core/toolbar';
import type { CoinContext, MarketContext, Signal } from '../../../src/messages';

const flush: Signal = {
  id: 'long-flush',
  explanation: 'Leveraged longs were flushed.',
  inputs: {},
  thresholds: {},
  coveredMinutes: 1440,
};

function market(
  longUsd: number | null,
  shortUsd: number | null,
  signals: Signal[] = [],
): MarketContext {
  const window = { longUsd, shortUsd, count: null, coveredMinutes: 60 };
  return {
    liquidations: { '1h': window, '4h': window, '24h': window },
    signals,
  } as unknown as MarketContext;
}

describe('shortUsd', () => {
  it('fits a figure in four characters', () => {
    expect(shortUsd(1_234_000_000)).toBe('1.2B');
    expect(shortUsd(45_600_000)).toBe('46M');
    expect(shortUsd(626_480)).toBe('626K');
    expect(shortUsd(9_500)).toBe('9.5K');
    expect(shortUsd(120)).toBe('120');
  });
});

describe('toolbarBadge', () => {
  it('shows the last hour’s reported liquidations, red during a flush', () => {
    expect(
      toolbarBadge({ kind: 'market-liquidations-1h' }, market(40e6, 5.6e6, [flush]), null),
    ).toEqual({
      text: '46M',
      color: '#b91c1c',
      title: 'Reported liquidations in the last hour: $46M · Leveraged longs were flushed.',
    });
  });

  it('shows nothing rather than a made-up zero when the hour is not known', () => {
    expect(toolbarBadge({ kind: 'market-liquidations-1h' }, market(null, null), null).text).toBe(
      '',
    );
    expect(toolbarBadge({ kind: 'off' }, market(1, 1), null).text).toBe('');
  });

  it('shows a coin’s 24h OI change with its sign', () => {
    const coin = {
      coin: 'BTC',
      oi: { change24hPct: -23.2 },
      signals: [],
    } as unknown as CoinContext;
    const badge = toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, coin);
    expect([badge.text, badge.color]).toEqual(['-23%', '#475569']);
    const up = { ...coin, oi: { change24hPct: 4.6 } } as unknown as CoinContext;
    expect(toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, up).text).toBe('+5%');
    expect(toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, null).text).toBe('');
  });
});
