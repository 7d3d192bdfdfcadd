// Each signal's sentence in English (word for word what the English sentences have always said,
// for the scenario days' figures) and in Simplified Chinese, from the locales' own messages.
import { describe, expect, it } from 'vitest';
import { english } from '../../../src/core/english';
import { type SignalFacts, sentenceWords, signalSentence } from '../../../src/core/signal-sentence';
import { chinese } from './chinese-messages';

const en = sentenceWords('en-US', english);
const zh = sentenceWords('zh-CN', chinese);

/** Shaped like BTC on 2025-09-22 (OI -8.0%, price -3.2%: see scenario-signals), a whole day heard. */
const longFlush: SignalFacts = {
  id: 'long-flush',
  inputs: {
    oiChange24hPct: -8.04,
    longSharePct: 93.2,
    priceChange24hPct: -3.21,
    liquidatedUsd: 1.52e9,
  },
  coveredMinutes: 1440,
};

/** 2025-10-22: shorts squeezed, only five hours of liquidations heard. */
const shortSqueeze: SignalFacts = {
  id: 'short-squeeze',
  inputs: {
    oiChange24hPct: -9.46,
    longSharePct: 18,
    priceChange24hPct: 6.35,
    liquidatedUsd: 4.2e7,
    shortSharePct: 82,
  },
  coveredMinutes: 300,
};

const overheated: SignalFacts = {
  id: 'overheated',
  inputs: { oiPercentile30d: 92.4, fundingAprPct: 25 },
  coveredMinutes: null,
};

const crowdedShorts: SignalFacts = {
  id: 'crowded-shorts',
  inputs: { oiPercentile30d: 100, fundingAprPct: -12.5 },
  coveredMinutes: null,
};

const spotLed: SignalFacts = {
  id: 'spot-led',
  inputs: { priceChange24hPct: 5.5, oiChange24hPct: -1.2 },
  coveredMinutes: null,
};

describe('signal sentences in English', () => {
  it('words each of the five signals as before', () => {
    expect(signalSentence(longFlush, en)).toBe(
      'Open interest fell 8.0% in 24h while 93% of $1.52B liquidated were longs and price fell 3.2%: leveraged longs were flushed.',
    );
    // 6.35 is 6.3499… in binary: it has always read 6.3.
    expect(signalSentence(shortSqueeze, en)).toBe(
      'Open interest fell 9.5% in 24h while 82% of $42M liquidated were shorts (over the 5 h covered) and price rose 6.3%: leveraged shorts were squeezed out.',
    );
    expect(signalSentence(overheated, en)).toBe(
      'Open interest is at its 92nd 30-day percentile with funding at +25.0% a year: longs are crowded and a reset is a risk.',
    );
    expect(signalSentence(crowdedShorts, en)).toBe(
      'Open interest is at its 100th 30-day percentile with funding at -12.5% a year: shorts are crowded and a squeeze is a risk.',
    );
    expect(signalSentence(spotLed, en)).toBe(
      'Price rose 5.5% in 24h while open interest moved only -1.2%: the move is not leverage-driven.',
    );
  });

  it('writes English ordinals, teens included', () => {
    const at = (rank: number) =>
      signalSentence(
        { ...overheated, inputs: { ...overheated.inputs, oiPercentile30d: rank } },
        en,
      );
    expect([91, 92, 93, 94, 11, 12, 13].map((rank) => at(rank).split(' ')[5])).toEqual([
      '91st',
      '92nd',
      '93rd',
      '94th',
      '11th',
      '12th',
      '13th',
    ]);
  });

  it('reads an hour short of the day as the whole day', () => {
    expect(signalSentence({ ...longFlush, coveredMinutes: 1380 }, en)).not.toContain('covered');
    expect(signalSentence({ ...longFlush, coveredMinutes: 1379 }, en)).toContain(
      '(over the 23 h covered)',
    );
  });

  it('shows a dash for an input the signal does not carry', () => {
    expect(signalSentence({ ...spotLed, inputs: {} }, en)).toBe(
      'Price — in 24h while open interest moved only —: the move is not leverage-driven.',
    );
  });
});

describe('signal sentences in Simplified Chinese', () => {
  it('words each of the five signals with Chinese trader vocabulary and numbers', () => {
    expect(signalSentence(longFlush, zh)).toBe(
      '24小时内持仓量下降8.0%，期间爆仓的US$15.2亿中93%为多头，价格下跌3.2%：杠杆多头被清洗。',
    );
    expect(signalSentence(shortSqueeze, zh)).toBe(
      '24小时内持仓量下降9.5%，已覆盖的5小时内爆仓的US$4200万中82%为空头，价格上涨6.3%：杠杆空头遭轧空出局。',
    );
    expect(signalSentence(overheated, zh)).toBe(
      '持仓量处于近30天第92百分位，年化资金费率+25.0%：多头拥挤，存在去杠杆风险。',
    );
    expect(signalSentence(crowdedShorts, zh)).toBe(
      '持仓量处于近30天第100百分位，年化资金费率-12.5%：空头拥挤，存在轧空风险。',
    );
    expect(signalSentence(spotLed, zh)).toBe(
      '24小时内价格上涨5.5%，持仓量仅变动-1.2%：此轮行情并非杠杆驱动。',
    );
  });

  it('has no English left in any sentence', () => {
    for (const facts of [longFlush, shortSqueeze, overheated, crowdedShorts, spotLed]) {
      expect(signalSentence(facts, zh)).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe('numbers in the locale', () => {
  it('uses the locale’s decimal mark', () => {
    const de = sentenceWords('de-DE', english);
    expect(signalSentence(spotLed, de)).toContain('rose 5,5%');
  });
});
