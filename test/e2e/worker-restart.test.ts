// Chrome stops idle workers and updates restart them: a worker stopped in the middle of a
// liquidation stream must come back with every event it had counted, count none twice, and
// not pretend to have heard what it missed.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { ContextsAnswer, StatusAnswer } from '../../src/messages';
import { openPopup, stopServiceWorker } from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const replay = replayControl(inject('replayOrigin'));
const STREAMED = 32;
/** Half speed: the 8 s script plays over 16 s, time enough for a worker restart on a loaded machine. */
const SPEED = 0.5;
const SCRIPT_MS = 8_000 / SPEED;

const browser = useExtensionSession('test');
beforeEach(() => browser.launch('calm'));

describe('a worker stopped mid-stream', () => {
  it('keeps what it counted, counts nothing twice and misses what it did not hear', async () => {
    const popup = await openPopup(browser.current);
    const ask = <T>(message: unknown) =>
      popup.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
    const btcCount = async () =>
      (await ask<ContextsAnswer>({ type: 'getContext', coins: ['BTC'] })).contexts[0]?.liquidations[
        '1h'
      ].count ?? 0;
    const bybitStream = async () =>
      (await ask<StatusAnswer>({ type: 'getStatus' })).venues.find((v) => v.venue === 'bybit')
        ?.stream;

    await expect.poll(async () => (await bybitStream())?.connected, { timeout: 15_000 }).toBe(1);
    await replay.setScenario('stream-steady', SPEED);
    const scriptEndsAt = Date.now() + SCRIPT_MS;
    await expect.poll(btcCount, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
    const counted = await btcCount();
    await popup.waitForTimeout(500);

    await stopServiceWorker(browser.current);
    await popup.waitForTimeout(3_000);
    const afterRestart = await btcCount();
    expect(afterRestart).toBeGreaterThanOrEqual(counted);

    await expect.poll(async () => (await bybitStream())?.connected, { timeout: 15_000 }).toBe(1);
    await popup.waitForTimeout(Math.max(0, scriptEndsAt - Date.now()) + 1_000);
    const final = await btcCount();
    expect(final).toBeGreaterThanOrEqual(afterRestart);
    // At least six events (3 s at two a second) were sent while no worker was listening: they
    // are not invented.
    expect(final).toBeLessThanOrEqual(STREAMED - 4);
    expect(final).toBeGreaterThan(counted);
  });
});
