import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../src/core/intervals';
import { liquidationWindows, type WindowSources } from '../../../src/core/liquidation-windows';
import type { MinuteBucket } from '../../../src/core/liquidations';
import type { LiquidationBucket } from '../../../src/core/market';
import type { VenueId } from '../../../src/messages';

/** 2025-09-22 12:00:00 UTC. */
const NOW = Date.UTC(2025, 8, 22, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

const bucket = (
  venue: VenueId,
  minute: number,
  longUsd: number,
  shortUsd: number,
  longCount = longUsd > 0 ? 1 : 0,
  shortCount = shortUsd > 0 ? 1 : 0,
): MinuteBucket => ({
  key: `${venue}|BTC|${minute}`,
  venue,
  coin: 'BTC',
  minute,
  longUsd,
  shortUsd,
  longCount,
  shortCount,
});

const history = (
  venue: VenueId,
  start: number,
  durationMs: number,
  longUsd: number,
  shortUsd: number,
): LiquidationBucket => ({ coin: 'BTC', venue, start, durationMs, longUsd, shortUsd });

const sources = (
  listening: [VenueId, Interval[]][],
  buckets: MinuteBucket[] = [],
  hist: LiquidationBucket[] = [],
): WindowSources => ({ now: NOW, listening: new Map(listening), buckets, history: hist });

const span = (fromAgo: number, toAgo: number): Interval => ({
  from: NOW - fromAgo,
  to: NOW - toAgo,
});

const zeros = (coveredMinutes: number) => ({ longUsd: 0, shortUsd: 0, count: 0, coveredMinutes });
const nulls = { longUsd: null, shortUsd: null, count: null, coveredMinutes: 0 };

// With no stream and no history nothing can ever cover a window: no figures at all.
describe('nothing to cover with', () => {
  it('is null without listening venues or history', () => {
    expect(liquidationWindows(sources([]))).toBeNull();
  });
});

// "A figure that is not known is null, never 0": zero needs coverage, and coverage is reported.
describe('known zero versus unknown', () => {
  it('a covered window with no events is zeros with its coverage', () => {
    expect(liquidationWindows(sources([['binance', [span(30 * MIN, 0)]]]))).toEqual({
      '1h': zeros(30),
      '4h': zeros(30),
      '24h': zeros(30),
    });
  });

  it('a window with no coverage and no events is nulls', () => {
    expect(liquidationWindows(sources([['okx', []]]))).toEqual({
      '1h': nulls,
      '4h': nulls,
      '24h': nulls,
    });
    expect(liquidationWindows(sources([['okx', [span(30 * HOUR, 25 * HOUR)]]]))).toEqual({
      '1h': nulls,
      '4h': nulls,
      '24h': nulls,
    });
  });

  it('coverage that ended two hours ago leaves only the 1h window unknown', () => {
    expect(liquidationWindows(sources([['bybit', [span(3 * HOUR, 2 * HOUR)]]]))).toEqual({
      '1h': nulls,
      '4h': zeros(60),
      '24h': zeros(60),
    });
  });
});

// A minute is covered when any source covered it: the union, never the sum, floored to minutes.
describe('coverage', () => {
  it('two venues listening on disjoint halves of the hour cover 60 minutes', () => {
    const windows = liquidationWindows(
      sources([
        ['binance', [span(60 * MIN, 30 * MIN)]],
        ['okx', [span(30 * MIN, 0)]],
      ]),
    );
    expect(windows?.['1h'].coveredMinutes).toBe(60);
    expect(windows?.['24h'].coveredMinutes).toBe(60);
  });

  it('overlapping venues are not counted twice', () => {
    const windows = liquidationWindows(
      sources([
        ['binance', [span(60 * MIN, 0)]],
        ['bybit', [span(50 * MIN, 10 * MIN)]],
        ['okx', [span(2 * HOUR, 90 * MIN)]],
      ]),
    );
    expect(windows?.['1h'].coveredMinutes).toBe(60);
    expect(windows?.['4h'].coveredMinutes).toBe(90);
  });

  it('history bucket spans count as covered', () => {
    const windows = liquidationWindows(
      sources(
        [['binance', [span(60 * MIN, 0)]]],
        [],
        [history('gate', NOW - 3 * HOUR, HOUR, 0, 0)],
      ),
    );
    expect(windows?.['1h'].coveredMinutes).toBe(60);
    expect(windows?.['4h'].coveredMinutes).toBe(120);
    expect(windows?.['24h'].coveredMinutes).toBe(120);
  });

  it('is clipped to the window and floored to whole minutes', () => {
    const windows = liquidationWindows(
      sources([
        ['binance', [span(90 * MIN, 0), span(26 * HOUR, 23 * HOUR)]],
        ['okx', [span(90_000, 0)]],
      ]),
    );
    expect(windows?.['1h'].coveredMinutes).toBe(60);
    expect(windows?.['4h'].coveredMinutes).toBe(90);
    expect(windows?.['24h'].coveredMinutes).toBe(150);
    const short = liquidationWindows(sources([['okx', [span(90_000, 0)]]]));
    expect(short?.['1h'].coveredMinutes).toBe(1);
  });
});

// Streamed minute buckets belong to a window when their minute starts in [now − h, now).
describe('streamed buckets per window', () => {
  const buckets = [
    bucket('binance', NOW - MIN, 100, 10),
    bucket('okx', NOW - HOUR, 200, 0, 2, 0),
    bucket('bybit', NOW - HOUR - MIN, 400, 40),
    bucket('binance', NOW - 4 * HOUR, 800, 0),
    bucket('okx', NOW - 4 * HOUR - MIN, 0, 1600),
    bucket('binance', NOW - 24 * HOUR, 3200, 0),
    bucket('binance', NOW - 24 * HOUR - MIN, 6400, 0),
    bucket('binance', NOW, 12_800, 0),
  ];
  const windows = liquidationWindows(
    sources(
      [
        ['binance', [span(25 * HOUR, 0)]],
        ['okx', [span(25 * HOUR, 0)]],
        ['bybit', [span(25 * HOUR, 0)]],
      ],
      buckets,
    ),
  );

  it('1h holds the minute starting exactly an hour ago, not the one before', () => {
    expect(windows?.['1h']).toEqual({ longUsd: 300, shortUsd: 10, count: 4, coveredMinutes: 60 });
  });

  it('4h adds everything from 4h ago on', () => {
    expect(windows?.['4h']).toEqual({
      longUsd: 1500,
      shortUsd: 50,
      count: 7,
      coveredMinutes: 240,
    });
  });

  it('24h adds everything from 24h ago on, and nothing at or after now', () => {
    expect(windows?.['24h']).toEqual({
      longUsd: 4700,
      shortUsd: 1650,
      count: 9,
      coveredMinutes: 1440,
    });
  });
});

// History fills only what its own venue's stream did not hear, so nothing is counted twice.
describe('history buckets', () => {
  const streamed = [bucket('gate', NOW - 10 * MIN, 100, 0)];

  it('a Gate bucket overlapping Gate listening is not added; outside it is', () => {
    const windows = liquidationWindows(
      sources([['gate', [span(2 * HOUR, 0)]]], streamed, [
        history('gate', NOW - HOUR, HOUR, 1000, 1000),
        // Ends exactly where listening starts: wholly outside.
        history('gate', NOW - 3 * HOUR, HOUR, 50, 5),
        history('gate', NOW - 10 * HOUR, HOUR, 7, 70),
      ]),
    );
    expect(windows).toEqual({
      '1h': { longUsd: 100, shortUsd: 0, count: 1, coveredMinutes: 60 },
      '4h': { longUsd: 150, shortUsd: 5, count: 1, coveredMinutes: 180 },
      '24h': { longUsd: 157, shortUsd: 75, count: 1, coveredMinutes: 240 },
    });
  });

  it('a Gate bucket only partly overlapping Gate listening is not added', () => {
    const windows = liquidationWindows(
      sources([['gate', [span(30 * MIN, 0)]]], streamed, [
        history('gate', NOW - HOUR, HOUR, 1000, 1000),
      ]),
    );
    expect(windows?.['1h']).toEqual({ longUsd: 100, shortUsd: 0, count: 1, coveredMinutes: 60 });
  });

  it('a Gate bucket overlapping another venue’s listening is still added', () => {
    const windows = liquidationWindows(
      sources(
        [['binance', [span(HOUR, 0)]]],
        [bucket('binance', NOW - 5 * MIN, 20, 2)],
        [history('gate', NOW - HOUR, HOUR, 30, 3)],
      ),
    );
    expect(windows?.['1h']).toEqual({ longUsd: 50, shortUsd: 5, count: 2, coveredMinutes: 60 });
  });

  it('with history alone, sums are known, count is 0 (streamed events only)', () => {
    const windows = liquidationWindows(
      sources([], [], [history('gate', NOW - 2 * HOUR, HOUR, 10, 20)]),
    );
    expect(windows).toEqual({
      '1h': nulls,
      '4h': { longUsd: 10, shortUsd: 20, count: 0, coveredMinutes: 60 },
      '24h': { longUsd: 10, shortUsd: 20, count: 0, coveredMinutes: 60 },
    });
  });

  it('a bucket belongs to the window its start lies in', () => {
    const windows = liquidationWindows(
      sources(
        [],
        [],
        [history('gate', NOW - 4 * HOUR, HOUR, 1, 0), history('gate', NOW - 5 * HOUR, HOUR, 2, 0)],
      ),
    );
    expect(windows?.['4h'].longUsd).toBe(1);
    expect(windows?.['24h'].longUsd).toBe(3);
  });
});
