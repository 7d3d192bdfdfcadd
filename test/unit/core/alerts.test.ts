// One notification per episode, never a flood, and in the user's language.
import { describe, expect, it } from 'vitest';
import {
  alertNotice,
  EMPTY_ALERT_STATE,
  MAX_ALERTS_PER_HOUR,
  startedSignals,
} from '../../../src/core/alerts';
import { english } from '../../../src/core/english';
import { sentenceWords } from '../../../src/core/signal-sentence';
import type { Signal } from '../../../src/messages';
import { chinese } from './chinese-messages';

const signal = (id: Signal['id']): Signal => ({
  id,
  explanation: id,
  inputs: {},
  thresholds: {},
  coveredMinutes: null,
});

describe('startedSignals', () => {
  it('alerts when a signal starts, not while it lasts, and again when it starts anew', () => {
    const first = startedSignals(EMPTY_ALERT_STATE, { BTC: [signal('long-flush')] }, 1_000);
    expect(first.alerts.map((a) => [a.coin, a.signal.id])).toEqual([['BTC', 'long-flush']]);
    const still = startedSignals(first.next, { BTC: [signal('long-flush')] }, 61_000);
    expect(still.alerts).toEqual([]);
    const ended = startedSignals(still.next, { BTC: [] }, 121_000);
    expect(ended.alerts).toEqual([]);
    const again = startedSignals(ended.next, { BTC: [signal('long-flush')] }, 181_000);
    expect(again.alerts.map((a) => a.signal.id)).toEqual(['long-flush']);
  });

  it(`sends at most ${MAX_ALERTS_PER_HOUR} an hour, and more once the hour has passed`, () => {
    const many = Object.fromEntries(
      ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'ADA'].map((c) => [c, [signal('spot-led')]]),
    );
    const burst = startedSignals(EMPTY_ALERT_STATE, many, 0);
    expect(burst.alerts).toHaveLength(MAX_ALERTS_PER_HOUR);
    // The coins left out are still marked active: their episode is not news an hour later.
    expect(startedSignals(burst.next, many, 3_600_001).alerts).toEqual([]);
    const fresh = startedSignals(burst.next, { ...many, LINK: [signal('overheated')] }, 3_600_001);
    expect(fresh.alerts.map((a) => a.coin)).toEqual(['LINK']);
  });

  it('forgets coins that are no longer pinned', () => {
    const first = startedSignals(EMPTY_ALERT_STATE, { BTC: [signal('overheated')] }, 0);
    expect(startedSignals(first.next, {}, 60_000).next.active).toEqual({});
  });
});

describe('alertNotice', () => {
  const overheated: Signal = {
    id: 'overheated',
    explanation: 'Open interest is at its 93rd 30-day percentile …',
    inputs: { oiPercentile30d: 93, fundingAprPct: 31.4 },
    thresholds: {},
    coveredMinutes: null,
  };

  it('names the coin and the signal, and explains it, in English', () => {
    expect(
      alertNotice({ coin: 'SOL', signal: overheated }, sentenceWords('en-US', english)),
    ).toEqual({
      title: 'SOL: Overheated',
      message:
        'Open interest is at its 93rd 30-day percentile with funding at +31.4% a year: longs are crowded and a reset is a risk.',
    });
  });

  it('says the same in Chinese in a Chinese browser', () => {
    expect(
      alertNotice({ coin: 'SOL', signal: overheated }, sentenceWords('zh-CN', chinese)),
    ).toEqual({
      title: 'SOL：过热',
      message: '持仓量处于近30天第93百分位，年化资金费率+31.4%：多头拥挤，存在去杠杆风险。',
    });
  });
});
