import { describe, expect, it } from 'vitest';
import { summarizeHistory, type Translate } from '../../../src/core/history-summary';
import type { CoinHistory } from '../../../src/messages';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 30);
/** Shows which message and which figures, so the sentences' content can be checked. */
const t: Translate = (key, ...subs) => `${key}(${subs.join('|')})`;

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
    expect(summary.oi).toBe('chartOiSummary(30|$1B|$1.25B|+25.0%|binance, bybit)');
    expect(summary.liquidations).toBe('chartLiquidationSummary($1.5M|$250K|90 min)');
    expect(summary.funding).toBe('chartFundingSummary(+0.0300%|+0.0200%)');
  });

  it('names the venues left out and since when the streams listen', () => {
    const { notes } = summarizeHistory(history(), t);
    expect(notes.oi).toEqual([
      'chartOiNoData(bitget)',
      'chartOiTooShort(hyperliquid|22 Nov, 09:00 UTC)',
    ]);
    expect(notes.funding).toEqual(['chartFundingNotServed(gate, bitget)']);
    expect(notes.liquidations).toEqual(['chartListeningSince(25 Nov, 11:00 UTC)']);
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
