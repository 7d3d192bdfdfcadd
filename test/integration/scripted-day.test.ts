// A scripted market day on all six venues through the whole background: REST polls, liquidation
// streams, OI history and Gate's liquidation history. Every expected figure below is worked out
// by hand from test/scenarios/scripted-day.json.
import { describe, expect, it } from 'vitest';
import type { CoinContext, ContextsAnswer, MarketContext, StatusAnswer } from '../../src/messages';
import { VENUES } from '../../src/venues/index';
import { loadScenario } from '../replay/scenario';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

const replay = useReplayServer('scripted-day');

const close = (actual: number | null | undefined, expected: number, digits = 6) =>
  expect(actual).toBeCloseTo(expected, digits);

describe('a scripted day on six venues', () => {
  it('gives getContext and getMarket the figures computed by hand', async () => {
    // The day's liquidations are played once every stream listens, not before.
    replay().setScenario({ ...loadScenario('scripted-day'), liquidations: [] });
    const { service, handle, changes } = await createTestService({
      origin: replay().origin,
      venues: VENUES,
    });
    await service.pollDue();
    const streaming = async () => {
      const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
      return venues.filter((venue) => venue.stream?.connected === 1).map((venue) => venue.venue);
    };
    await until(async () => (await streaming()).length === 5, { timeoutMs: 15_000 });
    expect((await streaming()).sort()).toEqual(['binance', 'bitget', 'bybit', 'gate', 'okx']);

    // Replay the day's liquidations now that every stream listens, and let history arrive.
    replay().setScenario('scripted-day');
    const ask = async (coin: string): Promise<CoinContext | undefined> =>
      ((await handle({ type: 'getContext', coins: [coin] }, contentSender)) as ContextsAnswer)
        .contexts[0];
    await ask('BTC');
    // Venue histories arrive one by one (paced to the venues' limits): wait for all four.
    await until(async () => changes() > 0 && ((await ask('BTC'))?.oi.historyBasisPct ?? 0) > 81.9, {
      timeoutMs: 15_000,
    });
    await until(async () => (await ask('BTC'))?.liquidations['1h'].count === 5, {
      timeoutMs: 15_000,
    });
    const btc = await ask('BTC');

    // Open interest: 250,000 BTC one-sided across the six venues at $60,000.
    expect(btc?.oi.usd).toBeCloseTo(250_000 * 60_000, 0);
    expect(btc?.oi.byVenue.map((v) => [v.venue, Math.round(v.usd), v.oneSided])).toEqual([
      ['binance', 6_000_000_000, true],
      ['bybit', 3_600_000_000, true],
      ['okx', 1_800_000_000, true],
      ['bitget', 1_500_000_000, false],
      ['hyperliquid', 1_200_000_000, false],
      ['gate', 900_000_000, false],
    ]);
    // Funding per 8 h, weighted by OI: (100k×1 + 60k×2 + 30k×0.5 + 20k×1.6 + 25k×1 − 15k×1)×1e-4 / 250k.
    close(btc?.funding.rate8h, 0.0001108, 12);
    close(btc?.funding.apr, 0.0001108 * 3 * 365 * 100, 9);
    // Changes come from the four venues with history (205,000 of 250,000 BTC = 82%): OI 1.25×
    // and price 1/0.96× a day ago, OI 1.1× an hour ago at the same price.
    close(btc?.oi.change24hPct, (0.96 / 1.25 - 1) * 100, 9);
    close(btc?.oi.change1hPct, (1 / 1.1 - 1) * 100, 9);
    close(btc?.oi.historyBasisPct, 82, 9);
    expect(btc?.oi.percentile30d).toBeLessThan(1);
    // 19.9M BTC circulating (Binance reports it with its OI history).
    close(btc?.oi.toMarketCapPct, (15_000_000_000 / (19_900_000 * 60_000)) * 100, 9);
    expect(btc?.price).toEqual({ usd: 60_000, change24hPct: -4 });

    // Streamed: longs 2×59,500 (Binance) + 1.5×59,400 (Bybit) + 1×59,300 (OKX) + 3×59,000 (Gate),
    // a short of 0.5×60,200 (Bitget). Gate's history adds $250k/$50k two hours ago: 4h and 24h only.
    close(btc?.liquidations['1h'].longUsd, 444_400, 4);
    close(btc?.liquidations['1h'].shortUsd, 30_100, 4);
    expect(btc?.liquidations['1h'].count).toBe(5);
    close(btc?.liquidations['4h'].longUsd, 694_400, 4);
    close(btc?.liquidations['24h'].shortUsd, 80_100, 4);
    // Gate's history covers the whole day in 5-minute buckets, so the windows are covered even
    // though the streams have listened for seconds only (the last, still open minute is not).
    expect(btc?.liquidations['24h'].coveredMinutes).toBeGreaterThanOrEqual(24 * 60 - 5);
    expect(btc?.liquidations['1h'].coveredMinutes).toBeGreaterThanOrEqual(55);
    expect(btc?.missing).not.toContain('liquidations');

    // HYPE trades on Hyperliquid (no stream) and Binance (no history): nothing heard in no
    // covered minute is not known to be zero, so it stays null.
    const hype = await ask('HYPE');
    expect(hype?.oi.usd).toBeCloseTo(25_000_000 * 40, 0);
    expect(hype?.liquidations['1h']).toEqual({
      longUsd: null,
      shortUsd: null,
      count: null,
      coveredMinutes: 0,
    });

    await until(
      async () =>
        ((await handle({ type: 'getMarket' }, popupSender)) as MarketContext).liquidations['1h']
          .count === 8,
    );
    const market = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    // BTC $15B + ETH 4.8M×$2,500 + PEPE 4.4e13×$0.00001 + HYPE 25M×$40.
    expect(market.oi.usd).toBeCloseTo(15e9 + 12e9 + 4.4e8 + 1e9, 0);
    expect(market.largestCoins).toEqual(['BTC', 'ETH', 'HYPE', 'PEPE']);
    // Every event of the day: longs 444,400 + ETH 20×2,480 + PEPE 1e8×0.0000098; shorts 30,100 + ETH 40×2,550.
    close(market.liquidations['1h'].longUsd, 444_400 + 49_600 + 980, 4);
    close(market.liquidations['1h'].shortUsd, 30_100 + 102_000, 4);
  }, 60_000);
});
