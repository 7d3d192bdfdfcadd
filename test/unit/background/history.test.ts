// The liquidation history cache must not remember "nothing" just because a venue's markets were
// not known yet when the coin was first asked about (the first seconds after install).
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/background/database';
import { createHistory } from '../../../src/background/history';
import type { Instrument, LiquidationBucket } from '../../../src/core/market';
import type { VenueClient } from '../../../src/venues/client';
import { gate } from '../../../src/venues/gate';
import type { Venue } from '../../../src/venues/venue';

const NOW = Date.UTC(2025, 8, 22, 12);
const BTC: Instrument = {
  venue: 'gate',
  symbol: 'BTC_USDT',
  coin: 'BTC',
  lotSize: 0.0001,
  fundingIntervalHours: 8,
};
const BUCKET: LiquidationBucket = {
  coin: 'BTC',
  venue: 'gate',
  start: NOW - 3_600_000,
  durationMs: 300_000,
  longUsd: 1_000,
  shortUsd: 0,
};

const FIVE_MINUTES = 300_000;

function historyWith(
  listed: () => Instrument[],
  now: () => number = () => NOW,
  answer: (from: number) => LiquidationBucket[] = () => [BUCKET],
) {
  const asked: string[] = [];
  const ranges: Array<{ from: number; to: number }> = [];
  const venue: Venue = {
    ...gate,
    fetchLiquidationHistory: async (_client, instrument, range) => {
      asked.push(instrument.symbol);
      ranges.push(range);
      return answer(range.from);
    },
  };
  const history = createHistory({
    // The liquidation path keeps its cache in memory and never opens the database.
    db: {} as Database,
    venues: [venue],
    clientFor: () => ({}) as VenueClient,
    instrumentsOf: async () => listed(),
    now,
  });
  return { history, asked, ranges };
}

describe('liquidation history', () => {
  it('asks again once the venue’s markets are known, instead of caching an empty answer', async () => {
    let listed: Instrument[] = [];
    const { history, asked } = historyWith(() => listed);

    const early = history.liquidationHistory('BTC');
    expect(await early.refreshed).toBe(false);
    expect(asked).toEqual([]);

    listed = [BTC];
    expect(await history.liquidationHistory('BTC').refreshed).toBe(true);
    expect(history.liquidationHistory('BTC').buckets).toEqual([BUCKET]);
    expect(asked).toEqual(['BTC_USDT']);
  });

  it('serves a fresh cache without asking the venue again', async () => {
    const { history, asked } = historyWith(() => [BTC]);
    await history.liquidationHistory('BTC').refreshed;
    const again = history.liquidationHistory('BTC');
    expect(await again.refreshed).toBe(false);
    expect(again.buckets).toEqual([BUCKET]);
    expect(asked).toHaveLength(1);
  });

  it('asks only for what is new since its last bucket, and keeps a day', async () => {
    let at = NOW;
    // Every answer holds the 5-minute buckets from the asked start to the current time.
    const { history, ranges } = historyWith(
      () => [BTC],
      () => at,
      (from) => {
        const buckets: LiquidationBucket[] = [];
        for (let start = from; start < at; start += FIVE_MINUTES)
          buckets.push({ ...BUCKET, start, longUsd: start === from ? 1 : 2 });
        return buckets;
      },
    );
    await history.liquidationHistory('BTC').refreshed;
    const dayAgo = NOW - 24 * 3_600_000;
    expect(ranges).toEqual([{ from: dayAgo, to: NOW }]);

    at = NOW + 10 * 60_000;
    expect(await history.liquidationHistory('BTC').refreshed).toBe(true);
    const lastBefore = NOW - FIVE_MINUTES;
    expect(ranges[1]).toEqual({ from: lastBefore, to: at });

    const buckets = history.liquidationHistory('BTC').buckets;
    const starts = buckets.map((bucket) => bucket.start);
    // A day back from now, each 5-minute bucket once, the re-asked last one replaced.
    expect(new Set(starts).size).toBe(starts.length);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(at - 24 * 3_600_000);
    expect(buckets.find((bucket) => bucket.start === lastBefore)?.longUsd).toBe(1);
    expect(Math.max(...starts)).toBe(at - FIVE_MINUTES);
  });
});
