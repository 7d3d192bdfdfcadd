// One notification per episode, never a flood, and in the user's language.
import { describe, expect, it } from 'vitest';
import {
  alertNotice,
  EMPTY_ALERT_STATE,
  EPISODE_GAP_MS,
  MAX_ALERTS_PER_HOUR,
  readAlertState,
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
    const again = startedSignals(
      ended.next,
      { BTC: [signal('long-flush')] },
      121_001 + EPISODE_GAP_MS,
    );
    expect(again.alerts.map((a) => a.signal.id)).toEqual(['long-flush']);
  });

  it('takes a signal that flickers off and on within the gap for one episode', () => {
    const first = startedSignals(EMPTY_ALERT_STATE, { BTC: [signal('long-flush')] }, 0);
    const off = startedSignals(first.next, { BTC: [] }, 60_000);
    expect(off.next.endedAt).toEqual({ BTC: { 'long-flush': 60_000 } });
    const back = startedSignals(off.next, { BTC: [signal('long-flush')] }, 120_000);
    expect(back.alerts).toEqual([]);
    expect(back.next.active).toEqual({ BTC: ['long-flush'] });
    // Active again, so its ending is forgotten: the gap counts from the next time it ends.
    expect(back.next.endedAt).toEqual({});
    const offAgain = startedSignals(back.next, { BTC: [] }, 60_000 + EPISODE_GAP_MS);
    expect(
      startedSignals(offAgain.next, { BTC: [signal('long-flush')] }, 120_000 + EPISODE_GAP_MS)
        .alerts,
    ).toEqual([]);
    // Another signal of the same coin is its own episode.
    expect(
      startedSignals(off.next, { BTC: [signal('overheated')] }, 120_000).alerts.map(
        (a) => a.signal.id,
      ),
    ).toEqual(['overheated']);
  });

  it('forgets endings older than the gap', () => {
    const first = startedSignals(EMPTY_ALERT_STATE, { BTC: [signal('long-flush')] }, 0);
    const off = startedSignals(first.next, { BTC: [] }, 1_000);
    expect(startedSignals(off.next, { BTC: [] }, 1_001 + EPISODE_GAP_MS).next.endedAt).toEqual({});
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
    expect(startedSignals(first.next, {}, 60_000).next).toEqual({
      active: {},
      endedAt: {},
      sentAt: [0],
    });
  });
});

describe('readAlertState', () => {
  it('reads what an earlier version stored, with no endings', () => {
    expect(readAlertState({ active: { BTC: ['long-flush'] }, sentAt: [5] })).toEqual({
      active: { BTC: ['long-flush'] },
      endedAt: {},
      sentAt: [5],
    });
  });

  it('starts afresh from a missing or damaged state', () => {
    expect(readAlertState(undefined)).toEqual(EMPTY_ALERT_STATE);
    expect(readAlertState({ active: { BTC: ['no-such-signal'] }, sentAt: [] })).toEqual(
      EMPTY_ALERT_STATE,
    );
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
