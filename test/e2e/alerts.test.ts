// A signal starting for a pinned coin raises one desktop notification, not one per poll.
import { describe, expect, inject, it } from 'vitest';
import { openPopup, refreshUntilPolledSince } from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const replay = replayControl(inject('replayOrigin'));
const browser = useExtensionSession('test');

describe('notifications', () => {
  it('one notification when a long flush starts for a pinned coin', async () => {
    const session = await browser.launch('2025-09-22-long-flush', { speed: 0.0001 });
    const popup = await openPopup(session);
    const send = (message: unknown) =>
      popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
    // What the worker sent: a toast times out on its own (headless Chromium closes it within
    // seconds), so chrome.notifications.getAll() cannot be relied on to still show it.
    const sent = () =>
      popup.evaluate(async () => {
        const { alertState } = await chrome.storage.local.get('alertState');
        const state = alertState as
          | { sentAt: number[]; active: Record<string, string[]> }
          | undefined;
        return state ? { sent: state.sentAt.length, btc: state.active.BTC ?? [] } : null;
      });

    // Off by default; the user turns them on and pins BTC.
    expect(await send({ type: 'getAlerts' })).toEqual({ enabled: false });
    expect(await send({ type: 'setAlerts', enabled: true })).toEqual({ enabled: true });
    expect(await send({ type: 'pinCoin', coin: 'BTC' })).toEqual({ pins: ['BTC'] });
    expect((await sent())?.sent ?? 0).toBe(0);

    // Play the day; Refresh until the flushed market is polled (a Refresh too soon after the
    // worker's own first polls is refused, as it should be).
    await replay.setScenario('2025-09-22-long-flush', 20);
    await popup.waitForTimeout(3_000);
    await expect
      .poll(
        async () => {
          await popup.getByRole('button', { name: 'Refresh' }).click();
          return sent();
        },
        { timeout: 45_000, interval: 2_000 },
      )
      .toEqual({ sent: 1, btc: ['long-flush'] });

    // The flush goes on: later polls and history arrivals raise nothing new. Refresh until
    // every live venue has been polled since the day was played, so BTC's figures are settled.
    await refreshUntilPolledSince(popup, Date.now(), { timeout: 30_000 });
    // On failure, BTC's context says which input of the rule moved.
    const btc = JSON.stringify(await send({ type: 'getContext', coins: ['BTC'] }));
    expect(await sent(), btc).toEqual({ sent: 1, btc: ['long-flush'] });
  });
});
