// The limiter is what keeps a burst inside a venue's limit: it must hold requests back, and only
// as long as needed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter, PRIORITY } from '../../../src/background/limiter';
import type { RateLimit } from '../../../src/venues/venue';

const gate: RateLimit = { budget: 200, windowMs: 10_000, unit: 'requests', source: 'test' };

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createLimiter', () => {
  it('lets half the limit through at once and holds the rest until the window moves on', async () => {
    const limiter = createLimiter(new Map([['gate', gate]]));
    const done: number[] = [];
    const requests = Array.from({ length: 150 }, (_, i) =>
      limiter.take('gate', 1).then(() => done.push(i)),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(done).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(done).toHaveLength(150);
    await Promise.all(requests);
  });

  it('counts cost in the venue’s unit, and lets a request costlier than the cap go alone', async () => {
    const binance: RateLimit = { budget: 2400, windowMs: 60_000, unit: 'weight', source: 'test' };
    const limiter = createLimiter(new Map([['binance', binance]]));
    let passed = 0;
    void limiter.take('binance', 1_500).then(() => passed++);
    void limiter.take('binance', 40).then(() => passed++);
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toBe(1);
    await vi.advanceTimersByTimeAsync(60_100);
    expect(passed).toBe(2);
  });

  it('counts weight charged after an answer: the next request waits for it', async () => {
    const hyperliquid: RateLimit = { budget: 1200, windowMs: 60_000, unit: 'weight', source: 't' };
    const limiter = createLimiter(new Map([['hyperliquid', hyperliquid]]));
    await limiter.take('hyperliquid', 20);
    // A full fundingHistory page: 25 more, known only once its 500 rows are in.
    limiter.charge('hyperliquid', 25);
    let passed = 0;
    for (let page = 0; page < 28; page++) void limiter.take('hyperliquid', 20).then(() => passed++);
    await vi.advanceTimersByTimeAsync(0);
    // Half of 1200 is 600: 45 used leaves room for 27 requests of 20 (without the 25, for 28).
    expect(passed).toBe(27);
    await vi.advanceTimersByTimeAsync(60_100);
    expect(passed).toBe(28);
  });

  it('does not hold venues it has no limit for, nor free requests', async () => {
    const limiter = createLimiter(new Map([['gate', gate]]));
    await expect(limiter.take('okx', 1)).resolves.toBeUndefined();
    await expect(limiter.take('gate', 0)).resolves.toBeUndefined();
  });

  it('lets waiting requests go by priority, then in the order they came', async () => {
    const okx: RateLimit = { budget: 2, windowMs: 2_000, unit: 'requests', source: 'test' };
    const limiter = createLimiter(new Map([['okx', okx]]));
    const order: string[] = [];
    const take = (name: string, priority: number) =>
      limiter.take('okx', 1, () => priority).then(() => order.push(name));
    await take('first', PRIORITY.backfill);
    const all = [
      take('backfill 1', PRIORITY.backfill),
      take('backfill 2', PRIORITY.backfill),
      take('chart', PRIORITY.chart),
      take('poll', PRIORITY.poll),
    ];
    // One request per 2 s window (half of 2): each later one waits for the window to move on.
    await vi.advanceTimersByTimeAsync(8_100);
    await Promise.all(all);
    expect(order).toEqual(['first', 'poll', 'chart', 'backfill 1', 'backfill 2']);
  });

  it('asks a waiting request its priority again, so a coin charted now goes next', async () => {
    const okx: RateLimit = { budget: 2, windowMs: 2_000, unit: 'requests', source: 'test' };
    const limiter = createLimiter(new Map([['okx', okx]]));
    let charted = false;
    const order: string[] = [];
    await limiter.take('okx', 1);
    const all = [
      limiter.take('okx', 1).then(() => order.push('other coin')),
      limiter
        .take('okx', 1, () => (charted ? PRIORITY.chart : PRIORITY.backfill))
        .then(() => order.push('charted coin')),
    ];
    charted = true;
    await vi.advanceTimersByTimeAsync(4_100);
    await Promise.all(all);
    expect(order).toEqual(['charted coin', 'other coin']);
  });

  it('drops a waiting request whose signal aborts, without spending room on it', async () => {
    const okx: RateLimit = { budget: 2, windowMs: 2_000, unit: 'requests', source: 'test' };
    const limiter = createLimiter(new Map([['okx', okx]]));
    await limiter.take('okx', 1);
    const stop = new AbortController();
    const stopped = limiter.take('okx', 1, undefined, stop.signal);
    let after = false;
    const next = limiter.take('okx', 1).then(() => {
      after = true;
    });
    stop.abort(new Error('venue switched off'));
    await expect(stopped).rejects.toThrow('venue switched off');
    await vi.advanceTimersByTimeAsync(2_100);
    expect(after).toBe(true);
    await next;
    // The aborted request took no room: the window holds one request, so another fits at 4 s.
    let third = false;
    void limiter.take('okx', 1).then(() => {
      third = true;
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(third).toBe(true);
    await expect(limiter.take('okx', 1, undefined, stop.signal)).rejects.toThrow(
      'venue switched off',
    );
  });

  it('holds the backfill while a chart is fetched, and lets it go once the chart is done', async () => {
    let charting = true;
    const limiter = createLimiter(new Map([['gate', gate]]), { backfillPaused: () => charting });
    const order: string[] = [];
    void limiter.take('gate', 1).then(() => order.push('backfill'));
    void limiter.take('gate', 1, () => PRIORITY.chart).then(() => order.push('chart'));
    void limiter.take('gate', 1, () => PRIORITY.poll).then(() => order.push('poll'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual(['chart', 'poll']);
    charting = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(order).toEqual(['chart', 'poll', 'backfill']);
  });
});
