// The hourly OI history refresh asks a venue only for the hours since its cached series' last
// point (one page instead of OKX's eight), and the whole month once a day.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/background/database';
import { createHistory } from '../../../src/background/history';
import type { Instrument, OiPoint } from '../../../src/core/market';
import type { VenueClient } from '../../../src/venues/client';
import { okx } from '../../../src/venues/okx';
import type { Venue } from '../../../src/venues/venue';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 8, 22, 12);
const BTC: Instrument = {
  venue: 'okx',
  symbol: 'BTC-USDT-SWAP',
  coin: 'BTC',
  lotSize: 0.01,
  fundingIntervalHours: 8,
};

let databases = 0;

async function historyAt(answer: (from: number, to: number) => OiPoint[]) {
  let at = NOW;
  const ranges: Array<{ from: number; to: number }> = [];
  const venue: Venue = {
    ...okx,
    fetchOiHistory: async (_client, _instrument, range) => {
      ranges.push(range);
      return answer(range.from, range.to);
    },
  };
  const history = createHistory({
    db: await openDatabase(`oi-history-refresh-${databases++}`),
    venues: [venue],
    clientFor: () => ({}) as VenueClient,
    instrumentsOf: async () => [BTC],
    now: () => at,
  });
  const series = async () => {
    await (await history.coinSeries('BTC')).refreshed;
    return (await history.coinSeries('BTC')).series[0]?.points ?? [];
  };
  return {
    series,
    ranges,
    advance: (ms: number) => {
      at += ms;
    },
  };
}

/** One point per whole hour from `from` up to `to`, worth the hour's own time (easy to check). */
const hourly = (from: number, to: number, worth = (hour: number) => hour) => {
  const points: OiPoint[] = [];
  for (let hour = Math.ceil(from / HOUR) * HOUR; hour <= to; hour += HOUR)
    points.push({ time: hour, oiUsd: worth(hour) });
  return points;
};

describe('OI history refresh', () => {
  it('asks the whole month first, then only from the last cached hour, keeping the month', async () => {
    const { series, ranges, advance } = await historyAt((from, to) => hourly(from, to));
    const first = await series();
    expect(ranges).toEqual([{ from: NOW - 30 * DAY, to: NOW }]);
    expect(first.at(-1)?.time).toBe(NOW);

    advance(HOUR);
    const second = await series();
    expect(ranges[1]).toEqual({ from: NOW, to: NOW + HOUR });
    // The month, each hour once, up to the new one.
    expect(second.map((p) => p.time)).toEqual(
      hourly(NOW + HOUR - 30 * DAY, NOW + HOUR).map((p) => p.time),
    );
  });

  it('replaces the hours asked again, and keeps a cached hour the answer lacks', async () => {
    let worth = (hour: number) => hour;
    let lastServed = Number.POSITIVE_INFINITY;
    const { series, advance } = await historyAt((from, to) =>
      hourly(from, Math.min(to, lastServed), worth),
    );
    await series();
    // The last hour was partial when first asked: the next answer has its final figure.
    worth = (hour) => hour + 1;
    advance(HOUR);
    const refreshed = await series();
    expect(refreshed.find((p) => p.time === NOW)?.oiUsd).toBe(NOW + 1);
    expect(refreshed.find((p) => p.time === NOW - HOUR)?.oiUsd).toBe(NOW - HOUR);
    // A venue that answers nothing new loses nothing.
    lastServed = NOW;
    advance(HOUR);
    const quiet = await series();
    expect(quiet.at(-1)).toEqual({ time: NOW + HOUR, oiUsd: NOW + HOUR + 1 });
  });

  it('asks the whole month again once a day', async () => {
    const { series, ranges, advance } = await historyAt((from, to) => hourly(from, to));
    await series();
    for (let hour = 1; hour <= 24; hour += 1) {
      advance(HOUR);
      await series();
    }
    const whole = ranges.filter((range) => range.to - range.from === 30 * DAY);
    expect(whole).toHaveLength(2);
    expect(ranges).toHaveLength(25);
    expect(ranges.at(-1)).toEqual({ from: NOW + DAY - 30 * DAY, to: NOW + DAY });
  });
});
