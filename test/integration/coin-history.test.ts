// The chart's history message through the service, over the replay server: OI summed over the
// venues whose history spans 30 days, liquidation bars per hour with their coverage, funding
// fetched on demand and cached, and the senders allowed to ask.
import { describe, expect, it } from 'vitest';
import type { CoinHistoryAnswer, ErrorAnswer } from '../../src/messages';
import { bitget } from '../../src/venues/bitget';
import { bybit } from '../../src/venues/bybit';
import { gate } from '../../src/venues/gate';
import { hyperliquid } from '../../src/venues/hyperliquid';
import { loadScenario } from '../replay/scenario';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

const HOUR = 3_600_000;
const replay = useReplayServer('oi-history');

async function historyOf(
  handle: Awaited<ReturnType<typeof createTestService>>['handle'],
  coin = 'btc',
) {
  const answer = await handle({ type: 'getCoinHistory', coin }, contentSender);
  if ('error' in answer) throw new Error((answer as ErrorAnswer).error);
  return (answer as CoinHistoryAnswer).history;
}

describe('getCoinHistory', () => {
  it('sums the OI of the venue serving 30 days and names the one that does not', async () => {
    const { service, handle, now } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    await service.pollDue();
    const history = await historyOf(handle);
    expect(history.coin).toBe('BTC');
    expect(history.oi.venues).toEqual(['bybit']);
    // Hyperliquid's history is our own hourly snapshot, taken by the poll just now.
    expect(history.oi.excluded).toEqual([
      { venue: 'hyperliquid', reason: 'too-short', since: expect.any(Number) },
    ]);
    expect(now() - (history.oi.excluded[0]?.since ?? 0)).toBeLessThan(60_000);
    expect(history.oi.points.length).toBeGreaterThanOrEqual(30 * 24 - 2);
    // 23–24 h ago Bybit's 30,000 BTC stood at 1.25× (the scenario's flat stretch), at $65,000.
    const dayAgo = Math.floor(now() / HOUR) * HOUR - 23 * HOUR;
    expect(history.oi.points.find((p) => p.time === dayAgo)?.usd).toBeCloseTo(
      30_000 * 1.25 * 65_000,
      0,
    );
    // …and 0.5× thirty days ago, rising since.
    expect(history.oi.points[0]?.usd).toBeLessThan(30_000 * 0.52 * 65_000);
  });

  it('weights both venues’ funding, each normalised to 8 hours, and asks once an hour', async () => {
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    await service.pollDue();
    const history = await historyOf(handle);
    expect(history.funding.venues).toEqual(['bybit', 'hyperliquid']);
    expect(history.funding.excluded).toEqual([]);
    // 30 days of 8-hour periods (the first may start before the range and is left out).
    expect(history.funding.points.length).toBeGreaterThanOrEqual(89);
    // Bybit settles 0.01% per 8 h; Hyperliquid 0.00125% every hour: the same 0.01% per 8 h.
    for (const point of history.funding.points) expect(point.rate8h).toBeCloseTo(0.0001, 12);

    await historyOf(handle);
    const asked = (path: string) => replay().requests.filter((r) => r.path === path).length;
    expect(asked('/v5/market/funding/history')).toBe(1);
    const fundingPosts = replay().requests.filter((r) => r.venue === 'hyperliquid').length;
    await historyOf(handle);
    expect(replay().requests.filter((r) => r.venue === 'hyperliquid').length).toBe(fundingPosts);
  });

  it('reads Gate’s hourly settlements (times in seconds) as 8-hour rates', async () => {
    replay().setScenario('venue-gate');
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [gate],
    });
    await service.pollDue();
    const history = await historyOf(handle, 'LINK');
    expect(history.funding.venues).toEqual(['gate']);
    // LINK settles 0.005% every hour on Gate: 0.04% per 8 hours.
    expect(history.funding.points.length).toBeGreaterThanOrEqual(89);
    for (const point of history.funding.points) expect(point.rate8h).toBeCloseTo(0.0004, 12);
    // Gate serves OI history too (contract_stats), summed over the 30 days.
    expect(history.oi.venues).toEqual(['gate']);
  });

  it('pages Bitget’s funding history, which takes no time range', async () => {
    replay().setScenario('venue-bitget');
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bitget],
    });
    await service.pollDue();
    const history = await historyOf(handle);
    expect(history.funding.venues).toEqual(['bitget']);
    expect(history.funding.points.length).toBeGreaterThanOrEqual(89);
    for (const point of history.funding.points) expect(point.rate8h).toBeCloseTo(0.0001, 12);
    // Its OI history is our own snapshots: one so far, nothing to chart yet.
    expect(history.oi.points.length).toBeLessThanOrEqual(1);
  });

  it('answers without a venue whose funding history fails, and says it has none', async () => {
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    await service.pollDue();
    replay().setRestFault('bybit', '/v5/market/funding/history', { status: 500 });
    const history = await historyOf(handle);
    expect(history.funding.venues).toEqual(['hyperliquid']);
    expect(history.funding.excluded).toEqual([{ venue: 'bybit', reason: 'no-data', since: null }]);
    expect(history.oi.venues).toEqual(['bybit']);
  });

  it('is open to the popup and content scripts only, for a valid coin', async () => {
    const { handle } = await createTestService({ origin: replay().origin, venues: [bybit] });
    const page = { id: 'another-extension', url: 'https://news.example/', tab: { id: 1 } };
    expect(await handle({ type: 'getCoinHistory', coin: 'BTC' }, page)).toEqual({
      error: 'sender not allowed',
    });
    expect(await handle({ type: 'getCoinHistory', coin: '' }, popupSender)).toHaveProperty('error');
    const fromPopup = (await handle(
      { type: 'getCoinHistory', coin: 'BTC' },
      popupSender,
    )) as CoinHistoryAnswer;
    expect(fromPopup.history.coin).toBe('BTC');
  });
});

describe('getCoinHistory liquidation bars', () => {
  it('puts streamed liquidations in the hour under way, with the minutes heard', async () => {
    replay().setScenario('calm');
    const { service, handle, now } = await createTestService({
      origin: replay().origin,
      venues: [bybit],
    });
    await service.pollDue();
    await until(async () => (await service.health())[0]?.stream?.connected === 1);
    replay().setScenario({
      ...loadScenario('calm'),
      liquidations: [
        { atSeconds: 0.05, coin: 'BTC', venue: 'bybit', side: 'long', coins: 2, price: 64_000 },
        { atSeconds: 0.1, coin: 'BTC', venue: 'bybit', side: 'short', coins: 1, price: 64_100 },
      ],
    });
    let history = await historyOf(handle);
    await until(async () => {
      history = await historyOf(handle);
      return history.liquidations.bars.at(-1)?.shortUsd === 64_100;
    });
    const bars = history.liquidations.bars;
    expect(bars).toHaveLength(24);
    expect(bars.at(-1)?.longUsd).toBe(128_000);
    expect(bars.at(-1)?.start).toBe(Math.floor(now() / HOUR) * HOUR);
    // The stream started listening moments ago: earlier hours are not covered, so unknown.
    expect(bars.at(-3)).toMatchObject({ longUsd: null, shortUsd: null, coveredMinutes: 0 });
    expect(now() - (history.liquidations.listeningSince ?? 0)).toBeLessThan(30_000);
  });
});
