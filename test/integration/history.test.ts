// OI changes and the 30-day percentile from venue history, over the replay server: exact where
// the script is flat, and honest about the venues that have no history yet.
import { describe, expect, it } from 'vitest';
import type { ContextsAnswer, MarketContext } from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { hyperliquid } from '../../src/venues/hyperliquid';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

const replay = useReplayServer('oi-history');

describe('OI history', () => {
  it('gives 1h/24h changes and the 30-day percentile from the venue that serves history', async () => {
    const { service, handle, changes } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    await service.pollDue();
    const ask = async () =>
      ((await handle({ type: 'getContext', coins: ['BTC'] }, contentSender)) as ContextsAnswer)
        .contexts[0];

    // The first answer comes at once, from what is cached: nothing yet, and it says so.
    const first = await ask();
    expect(first?.oi.change24hPct).toBeNull();
    expect(first?.missing).toContain('oi-history');
    await until(() => changes() > 0);

    const btc = await ask();
    // Bybit alone has history: its 30,000 BTC today against 1.25× that a day ago, 0.98× an hour ago.
    expect(btc?.oi.change24hPct).toBeCloseTo((1 / 1.25 - 1) * 100, 9);
    expect(btc?.oi.change1hPct).toBeCloseTo((1 / 0.98 - 1) * 100, 9);
    // …so the changes cover Bybit's share of today's OI: 30,000 of 42,000 BTC.
    expect(btc?.oi.historyBasisPct).toBeCloseTo((30_000 / 42_000) * 100, 9);
    // Hours at or below today's OI: the last ~3 h and everything older than ~257 h, of 720.
    expect(btc?.oi.percentile30d).toBeGreaterThan(63.5);
    expect(btc?.oi.percentile30d).toBeLessThan(66);
    expect(btc?.missing).not.toContain('oi-history');
    expect(btc?.oi.usd).toBe(42_000 * 65_000);
  });

  it('asks a venue for a coin’s history at most once an hour', async () => {
    const { service, handle, changes } = await createTestService({
      origin: replay().origin,
      venues: [bybit],
    });
    await service.pollDue();
    await handle({ type: 'getContext', coins: ['BTC'] }, contentSender);
    await until(() => changes() > 0);
    for (let i = 0; i < 3; i++) await handle({ type: 'getContext', coins: ['BTC'] }, contentSender);
    await handle({ type: 'getMarket' }, popupSender);
    const historyRequests = replay().requests.filter(
      (r) => r.path === '/v5/market/mark-price-kline',
    );
    expect(historyRequests).toHaveLength(1);
  });

  it('computes the market’s change over the coins whose history it has', async () => {
    const { service, handle, changes } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    await service.pollDue();
    await handle({ type: 'getMarket' }, popupSender);
    await until(() => changes() > 0);
    const market = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(market.oi.change24hPct).toBeCloseTo(-20, 9);
    expect(market.oi.historyBasisPct).toBeCloseTo((30_000 / 42_000) * 100, 9);
  });
});
