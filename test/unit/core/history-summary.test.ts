import { describe, expect, it } from 'vitest';
import { english } from '../../../src/core/english';
import { summarizeHistory } from '../../../src/core/history-summary';
import { type Messages, sentenceWords } from '../../../src/core/signal-sentence';
import type { CoinHistory } from '../../../src/messages';
import { chinese } from './chinese-messages';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 30);
/** Shows which message and which figures, so the sentences' content can be checked. */
const shown: Messages = (key, ...subs) =>
  key.startsWith('duration') ? english(key, ...subs) : `${key}(${subs.join('|')})`;
const t = sentenceWords('en-US', shown);

const history = (over: Partial<CoinHistory> = {}): CoinHistory => ({
  coin: 'BTC',
  oi: {
    points: [
      { time: NOW - 30 * 24 * HOUR, usd: 1_000_000_000 },
      { time: NOW - HOUR, usd: 1_250_000_000 },
    ],
    venues: ['binance', 'bybit'],
    excluded: [
      { venue: 'hyperliquid', reason: 'too-short', since: Date.UTC(2026, 10, 22, 9, 0) },
      { venue: 'bitget', reason: 'no-data', since: null },
    ],
  },
  liquidations: {
    bars: [
      { start: NOW - 2 * HOUR, longUsd: null, shortUsd: null, coveredMinutes: 0 },
      { start: NOW - HOUR, longUsd: 1_000_000, shortUsd: 250_000, coveredMinutes: 60 },
      { start: NOW, longUsd: 500_000, shortUsd: 0, coveredMinutes: 30 },
    ],
    listeningSince: NOW - 90 * 60_000,
  },
  funding: {
    points: [
      { time: NOW - 16 * HOUR, rate8h: 0.0001 },
      { time: NOW - 8 * HOUR, rate8h: 0.0003 },
    ],
    venues: ['binance'],
    excluded: [
      { venue: 'gate', reason: 'not-served', since: null },
      { venue: 'bitget', reason: 'not-served', since: null },
    ],
  },
  asOf: NOW,
  ...over,
});

describe('summarizeHistory', () => {
  it('puts every charted figure into words', () => {
    const summary = summarizeHistory(history(), t);
    expect(summary.oi).toBe('chartOiSummary(30|$1B|$1.25B|+25.0%|Binance, Bybit)');
    expect(summary.liquidations).toBe('chartLiquidationSummary($1.5M|$250K|90 min)');
    expect(summary.funding).toBe('chartFundingSummary(+0.0300%|+0.0200%)');
  });

  it('names the venues left out and since when the streams listen', () => {
    const { notes } = summarizeHistory(history(), t);
    expect(notes.oi).toEqual([
      'chartOiNoData(Bitget)',
      'chartOiTooShort(Hyperliquid|Nov 22, 09:00 UTC)',
    ]);
    expect(notes.funding).toEqual(['chartFundingNotServed(Gate, Bitget)']);
    expect(notes.liquidations).toEqual(['chartListeningSince(Nov 25, 11:00 UTC)']);
  });

  it('says so where there is nothing to chart', () => {
    const summary = summarizeHistory(
      history({
        oi: { points: [], venues: [], excluded: [] },
        liquidations: { bars: [], listeningSince: null },
        funding: { points: [], venues: [], excluded: [] },
      }),
      t,
    );
    expect(summary.oi).toBe('chartOiEmpty()');
    expect(summary.liquidations).toBe('chartLiquidationEmpty()');
    expect(summary.funding).toBe('chartFundingEmpty()');
    expect(summary.notes).toEqual({ oi: [], liquidations: [], funding: [] });
  });
});

describe('summarizeHistory in Simplified Chinese', () => {
  const zh = sentenceWords('zh-CN', chinese);
  it('formats every figure of the sentences in Chinese', () => {
    const summary = summarizeHistory(history(), zh);
    expect(summary.oi).toBe('30 天持仓量（Binance, Bybit）：US$10亿 → US$12.5亿（+25.0%）。');
    expect(summary.liquidations).toBe(
      '过去 24 小时已报告爆仓：多头 US$150万，空头 US$25万（覆盖 90分钟）。',
    );
    expect(summary.funding).toBe('每 8 小时资金费率：最近一期 +0.0300%，平均 +0.0200%。');
  });

  it('says when in Chinese date order', () => {
    const { notes } = summarizeHistory(history(), zh);
    expect(notes.oi).toContain('持仓量：Hyperliquid 的历史仅始于 11月22日 09:00 UTC，未计入合计。');
    expect(notes.liquidations).toEqual(['自 11月25日 11:00 UTC 起开始接收爆仓数据。']);
  });

  it('leaves no English figure in any sentence', () => {
    const { oi, liquidations, funding, notes } = summarizeHistory(history(), zh);
    for (const sentence of [oi, liquidations, funding, ...Object.values(notes).flat()]) {
      expect(sentence.replace(/Binance|Bybit|Hyperliquid|Bitget|Gate|UTC|US\$/g, '')).not.toMatch(
        /\$\d|\d[KMB]\b|[A-Za-z]{2,}/,
      );
    }
  });
});
