// The limiter is what keeps a burst inside a venue's limit: it must hold requests back, and only
// as long as needed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter } from '../../../src/background/limiter';
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
});
