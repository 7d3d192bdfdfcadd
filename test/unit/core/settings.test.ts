import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNAL_SETTINGS,
  parseSignalSettings,
  type SignalSettings,
} from '../../../src/core/settings';

const copy = (): SignalSettings => structuredClone(DEFAULT_SIGNAL_SETTINGS);

/** The defaults with the field at `path` ("block.field" or "field") set to `value`. */
function withValue(path: string, value: unknown): unknown {
  const settings = copy() as unknown as Record<string, unknown>;
  const [head, field] = path.split('.') as [string, string | undefined];
  if (field === undefined) settings[head] = value;
  else (settings[head] as Record<string, unknown>)[field] = value;
  return settings;
}

/** The error of a rejected value; fails the test when the value was accepted. */
function errorOf(value: unknown): string {
  const result = parseSignalSettings(value);
  if (result.ok) throw new Error('expected the settings to be rejected');
  return result.error;
}

// The defaults are DESIGN.md's table (and its one hour of coverage), number for number.
describe('DEFAULT_SIGNAL_SETTINGS', () => {
  it('equals the table in DESIGN.md', () => {
    expect(DEFAULT_SIGNAL_SETTINGS).toEqual({
      longFlush: { oiChangePct: -7, longSharePct: 75, priceChangePct: -3 },
      shortSqueeze: { oiChangePct: -7, shortSharePct: 75, priceChangePct: 3 },
      overheated: { oiPercentile: 90, fundingAprPct: 20 },
      crowdedShorts: { oiPercentile: 90, fundingAprPct: -10 },
      spotLed: { priceChangePct: 3, oiChangePct: 2 },
      minOiUsd: 50_000_000,
      minCoveredMinutes: 60,
    });
  });
});

// Valid settings, the defaults first, come back unchanged.
describe('parseSignalSettings accepts', () => {
  it('the defaults', () => {
    expect(parseSignalSettings(copy())).toEqual({ ok: true, settings: DEFAULT_SIGNAL_SETTINGS });
  });

  it('a valid custom set, including range ends', () => {
    const custom: SignalSettings = {
      longFlush: { oiChangePct: -0.5, longSharePct: 100, priceChangePct: -50 },
      shortSqueeze: { oiChangePct: -50, shortSharePct: 50, priceChangePct: 0.5 },
      overheated: { oiPercentile: 50, fundingAprPct: 500 },
      crowdedShorts: { oiPercentile: 100, fundingAprPct: -1 },
      spotLed: { priceChangePct: 50, oiChangePct: 0 },
      minOiUsd: 0,
      minCoveredMinutes: 15,
    };
    expect(parseSignalSettings(custom)).toEqual({ ok: true, settings: custom });
    expect(parseSignalSettings({ ...custom, minCoveredMinutes: 1440 }).ok).toBe(true);
  });
});

// Anything out of range, of the wrong type or absent is refused, naming every bad field's path.
describe('parseSignalSettings rejects', () => {
  it.each([
    ['longFlush.longSharePct', 120],
    ['longFlush.oiChangePct', 5],
    ['longFlush.priceChangePct', 3],
    ['shortSqueeze.priceChangePct', -3],
    ['shortSqueeze.shortSharePct', 49],
    ['overheated.fundingAprPct', -20],
    ['crowdedShorts.fundingAprPct', 10],
    ['spotLed.oiChangePct', -1],
    ['minOiUsd', -1],
    ['minCoveredMinutes', 5],
    ['minCoveredMinutes', 1441],
    ['minCoveredMinutes', 60.5],
    ['overheated.oiPercentile', Number.NaN],
    ['spotLed.priceChangePct', Number.POSITIVE_INFINITY],
  ] as const)('%s = %d', (path, value) => {
    const error = errorOf(withValue(path, value));
    expect(error).toMatch(/^invalid signal settings \(/);
    expect(error).toContain(`${path}: `);
    expect(error.split('; ')).toHaveLength(1);
  });

  it('a number given as a string', () => {
    expect(errorOf(withValue('longFlush.longSharePct', '75'))).toContain(
      'longFlush.longSharePct: ',
    );
  });

  it('names the path of every bad field at once', () => {
    const settings = copy() as unknown as Record<string, unknown>;
    settings.longFlush = { oiChangePct: 5, longSharePct: 120, priceChangePct: -3 };
    settings.minCoveredMinutes = 5;
    settings.overheated = { oiPercentile: 90, fundingAprPct: '20' };
    const error = errorOf(settings);
    for (const path of [
      'longFlush.longSharePct',
      'longFlush.oiChangePct',
      'minCoveredMinutes',
      'overheated.fundingAprPct',
    ]) {
      expect(error).toContain(`${path}: `);
    }
    expect(error.split('; ')).toHaveLength(4);
    expect(error).not.toContain('shortSqueeze');
  });

  it('missing fields, by path', () => {
    const { spotLed: _spotLed, minOiUsd: _minOiUsd, ...rest } = copy();
    const error = errorOf({ ...rest, crowdedShorts: { oiPercentile: 90 } });
    expect(error).toContain('spotLed: ');
    expect(error).toContain('minOiUsd: ');
    expect(error).toContain('crowdedShorts.fundingAprPct: ');
    expect(error.split('; ')).toHaveLength(3);
  });

  it('something that is not settings at all', () => {
    expect(parseSignalSettings(null).ok).toBe(false);
    expect(parseSignalSettings('defaults').ok).toBe(false);
    expect(parseSignalSettings({}).ok).toBe(false);
  });
});

describe('parseSignalSettings names each bad field for a form', () => {
  it('keys every problem by its dotted path', () => {
    const bad = {
      ...DEFAULT_SIGNAL_SETTINGS,
      spotLed: { ...DEFAULT_SIGNAL_SETTINGS.spotLed, oiChangePct: -1 },
      minOiUsd: 'lots',
    };
    const parsed = parseSignalSettings(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.keys(parsed.fields).sort()).toEqual(['minOiUsd', 'spotLed.oiChangePct']);
      expect(parsed.error).toContain('spotLed.oiChangePct');
    }
  });
});

describe('parseSignalSettings says what each field needs, in terms a form can translate', () => {
  it('gives the bound that was crossed, or the kind of value expected', () => {
    const bad = {
      ...DEFAULT_SIGNAL_SETTINGS,
      longFlush: { ...DEFAULT_SIGNAL_SETTINGS.longFlush, oiChangePct: 5 },
      overheated: { ...DEFAULT_SIGNAL_SETTINGS.overheated, oiPercentile: 10 },
      minCoveredMinutes: 30.5,
      minOiUsd: null,
    };
    const parsed = parseSignalSettings(bad);
    if (parsed.ok) throw new Error('bad settings were accepted');
    const kinds = Object.fromEntries(
      Object.entries(parsed.fields).map(([path, problem]) => [path, [problem.kind, problem.limit]]),
    );
    expect(kinds).toEqual({
      'longFlush.oiChangePct': ['max', -0.5],
      'overheated.oiPercentile': ['min', 50],
      minCoveredMinutes: ['integer', null],
      minOiUsd: ['number', null],
    });
  });
});
