// A signal starting for a pinned coin raises one desktop notification, not one per poll.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type ExtensionSession, launchWithExtension, openPopup } from './harness';
import { replayControl } from './replay-control';

const origin = inject('replayOrigin');
const replay = replayControl(origin);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('notifications', () => {
  it('one notification when a long flush starts for a pinned coin', async () => {
    await replay.reset();
    await replay.setScenario('2025-09-22-long-flush', 0.0001);
    session = await launchWithExtension({ extensionDir: inject('extensionDir') });
    const popup = await openPopup(session);
    const send = (message: unknown) =>
      popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
    const notifications = () =>
      popup.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

    // Off by default; the user turns them on and pins BTC.
    expect(await send({ type: 'getAlerts' })).toEqual({ enabled: false });
    expect(await send({ type: 'setAlerts', enabled: true })).toEqual({ enabled: true });
    expect(await send({ type: 'pinCoin', coin: 'BTC' })).toEqual({ pins: ['BTC'] });
    expect(await notifications()).toEqual([]);

    await replay.setScenario('2025-09-22-long-flush', 20);
    await popup.waitForTimeout(5_500);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(notifications, { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^ll:BTC:long-flush:/)]);

    // The flush goes on: later polls and history arrivals raise nothing new. (The toast itself
    // may have timed out by then, so the count is read from what the worker sent.)
    await popup.waitForTimeout(5_500);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.waitForTimeout(2_000);
    const sent = await popup.evaluate(async () => {
      const { alertState } = await chrome.storage.local.get('alertState');
      return (
        (alertState as { sentAt: number[]; active: Record<string, string[]> } | undefined) ?? null
      );
    });
    expect(sent?.sentAt).toHaveLength(1);
    expect(sent?.active.BTC).toEqual(['long-flush']);
  });
});
