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

function historyWith(listed: () => Instrument[]) {
  const asked: string[] = [];
  const venue: Venue = {
    ...gate,
    fetchLiquidationHistory: async (_client, instrument) => {
      asked.push(instrument.symbol);
      return [BUCKET];
    },
  };
  const history = createHistory({
    // The liquidation path keeps its cache in memory and never opens the database.
    db: {} as Database,
    venues: [venue],
    clientFor: () => ({}) as VenueClient,
    instrumentsOf: async () => listed(),
    now: () => NOW,
  });
  return { history, asked };
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
});
