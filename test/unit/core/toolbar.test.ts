// The toolbar badge has four characters and a colour: both must say the right thing.
import { describe, expect, it } from 'vitest';
import { english } from '../../../src/core/english';
import { sentenceWords } from '../../../src/core/signal-sentence';
import { shortUsd, toolbarBadge } from '../../../src/core/toolbar';
import type { CoinContext, MarketContext, Signal } from '../../../src/messages';
import { chinese } from './chinese-messages';

const EN = sentenceWords('en-US', english);
const ZH = sentenceWords('zh-CN', chinese);

const flush: Signal = {
  id: 'long-flush',
  explanation: 'Open interest fell 8.0% in 24h while 93% of $1.52B liquidated were longs …',
  inputs: {
    oiChange24hPct: -8.04,
    longSharePct: 93.2,
    priceChange24hPct: -3.21,
    liquidatedUsd: 1.52e9,
  },
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
      toolbarBadge({ kind: 'market-liquidations-1h' }, market(40e6, 5.6e6, [flush]), null, EN),
    ).toEqual({
      text: '46M',
      color: '#b91c1c',
      title:
        'Reported liquidations in the last hour: $45.6M · Open interest fell 8.0% in 24h while 93% of $1.52B liquidated were longs and price fell 3.2%: leveraged longs were flushed.',
    });
  });

  it('titles the badge in Chinese in a Chinese browser', () => {
    expect(
      toolbarBadge({ kind: 'market-liquidations-1h' }, market(40e6, 5.6e6, [flush]), null, ZH)
        .title,
    ).toBe(
      '最近1小时已公布的爆仓：US$4560万 · 24小时内持仓量下降8.0%，期间爆仓的US$15.2亿中93%为多头，价格下跌3.2%：杠杆多头被清洗。',
    );
    expect(toolbarBadge({ kind: 'market-liquidations-1h' }, null, null, ZH).title).toBe(
      'Leverage Lens：暂无爆仓数据',
    );
    const coin = { coin: 'ETH', oi: { change24hPct: 4.62 }, signals: [] } as unknown as CoinContext;
    expect(toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'ETH' }, null, coin, ZH).title).toBe(
      'ETH 持仓量24小时变化 +4.6%',
    );
  });

  it('shows nothing rather than a made-up zero when the hour is not known', () => {
    expect(
      toolbarBadge({ kind: 'market-liquidations-1h' }, market(null, null), null, EN).text,
    ).toBe('');
    expect(toolbarBadge({ kind: 'off' }, market(1, 1), null, EN).text).toBe('');
  });

  it('shows a coin’s 24h OI change with its sign', () => {
    const coin = {
      coin: 'BTC',
      oi: { change24hPct: -23.2 },
      signals: [],
    } as unknown as CoinContext;
    const badge = toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, coin, EN);
    expect([badge.text, badge.color]).toEqual(['-23%', '#475569']);
    const up = { ...coin, oi: { change24hPct: 4.6 } } as unknown as CoinContext;
    expect(toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, up, EN).text).toBe(
      '+5%',
    );
    expect(toolbarBadge({ kind: 'coin-oi-change-24h', coin: 'BTC' }, null, null, EN).text).toBe('');
  });
});
