// The content script checks answers by hand (src/content/answers.ts) to stay small; these tests
// hold its checks to the zod schemas of src/messages.ts, which the background answers from.
import { describe, expect, it } from 'vitest';
import { contextsOf, isDataChanged, pageSettingsOf, pinsOf } from '../../../src/content/answers';
import { ContextsAnswer, DataChangedPush, PageSettingsAnswer } from '../../../src/messages';

const window = (covered: number) => ({
  longUsd: 1e6,
  shortUsd: null,
  count: 3,
  coveredMinutes: covered,
});
const context = {
  coin: 'BTC',
  price: { usd: 97_000, change24hPct: -3.2 },
  oi: {
    usd: 3.1e10,
    change1hPct: null,
    change24hPct: -8,
    percentile30d: 40,
    historyBasisPct: 90,
    byVenue: [{ venue: 'binance', usd: 1e10, oneSided: true }],
    toMarketCapPct: null,
  },
  funding: { rate8h: 0.0001, apr: 10.95 },
  liquidations: { '1h': window(60), '4h': window(240), '24h': window(600) },
  level: 'normal',
  signals: [
    {
      id: 'long-flush',
      explanation: 'Longs were cleared.',
      inputs: { oiChangePct: -8, longSharePct: null },
      thresholds: { oiChangePct: -7 },
      coveredMinutes: 600,
    },
  ],
  missing: [],
  unavailableVenues: ['gate'],
  asOf: 1_700_000_000_000,
};

/** Copies of the context with one part broken, each of which the schema refuses. */
const broken: Array<[string, (c: typeof context) => unknown]> = [
  ['a string for a number', (c) => ({ ...c, oi: { ...c.oi, usd: '3e10' } })],
  ['a missing window', (c) => ({ ...c, liquidations: { '1h': window(1), '4h': window(1) } })],
  ['null where a number is required', (c) => ({ ...c, asOf: null })],
  ['an object for an array', (c) => ({ ...c, signals: {} })],
  [
    'a venue share without its side',
    (c) => ({ ...c, oi: { ...c.oi, byVenue: [{ venue: 'okx', usd: 1 }] } }),
  ],
  [
    'a signal input that is text',
    (c) => ({ ...c, signals: [{ ...c.signals[0], inputs: { x: 'a' } }] }),
  ],
  ['a price without its change', (c) => ({ ...c, price: { usd: 1 } })],
];

describe('the content script’s answer checks', () => {
  it('accept the answer the schema accepts, as is', () => {
    const answer = { contexts: [context] };
    expect(ContextsAnswer.safeParse(answer).success).toBe(true);
    expect(contextsOf(answer)).toEqual([context]);
  });

  it.each(broken)('refuse a context with %s, as the schema does', (_name, breakIt) => {
    const answer = { contexts: [breakIt(context)] };
    expect(ContextsAnswer.safeParse(answer).success).toBe(false);
    expect(contextsOf(answer)).toBeNull();
  });

  it('refuse errors and other shapes', () => {
    for (const answer of [{ error: 'sender not allowed' }, null, undefined, 'x', { contexts: 'x' }])
      expect(contextsOf(answer)).toBeNull();
    expect(pinsOf({ pins: ['BTC'] })).toEqual(['BTC']);
    expect(pinsOf({ pins: [1] })).toBeNull();
  });

  it('read page settings and pushes as the schemas define them', () => {
    const settings = { enabled: true, density: 'first-per-page' };
    expect(PageSettingsAnswer.safeParse(settings).success).toBe(true);
    expect(pageSettingsOf(settings)).toEqual(settings);
    expect(pageSettingsOf({ enabled: true, density: 'many' })).toBeNull();
    expect(pageSettingsOf({ enabled: 'yes', density: 'all' })).toBeNull();
    const push = { type: 'dataChanged', asOf: 1 };
    expect(DataChangedPush.safeParse(push).success).toBe(true);
    expect(isDataChanged(push)).toBe(true);
    expect(isDataChanged({ type: 'dataChanged', asOf: '1' })).toBe(false);
  });
});
