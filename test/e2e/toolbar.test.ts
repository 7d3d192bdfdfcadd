// The toolbar badge, as configured: the market's reported liquidations of the last hour by
// default, or a pinned coin's 24h OI change, coloured by the active signal.
import { describe, expect, inject, it } from 'vitest';
import { openPopup } from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const replay = replayControl(inject('replayOrigin'));
const browser = useExtensionSession('test');

describe('the toolbar badge', () => {
  it('shows the configured figure', async () => {
    // The scripted day's markets first, its liquidations once the extension listens.
    const popup = await openPopup(await browser.launch('scripted-day', { speed: 0.0001 }));
    const send = (message: unknown) =>
      popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
    const badgeText = () => popup.evaluate(() => chrome.action.getBadgeText({}));
    await expect
      .poll(
        async () => {
          const { venues } = (await send({ type: 'getStatus' })) as {
            venues: Array<{ stream: { connected: number; connections: number } | null }>;
          };
          const streams = venues.flatMap((v) => (v.stream ? [v.stream] : []));
          return streams.length === 5 && streams.every((s) => s.connected === s.connections);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await replay.setScenario('scripted-day');
    await popup.waitForTimeout(1_500);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    // Market mode: every liquidation of the last hour ($494,980 longs + $132,100 shorts, as in the
    // scripted-day integration test, and Gate's buckets of the last hour), to four characters.
    await expect.poll(badgeText, { timeout: 20_000 }).toMatch(/^\d+(\.\d)?[KM]$/);
    expect(await send({ type: 'getToolbarMode' })).toEqual({
      mode: { kind: 'market-liquidations-1h' },
    });

    // A pinned coin's 24h OI change: BTC's is 0.96/1.25 − 1 = −23.2% in the script.
    expect(
      await send({ type: 'setToolbarMode', mode: { kind: 'coin-oi-change-24h', coin: 'BTC' } }),
    ).toEqual({
      mode: { kind: 'coin-oi-change-24h', coin: 'BTC' },
    });
    await expect.poll(badgeText, { timeout: 20_000 }).toBe('-23%');
    expect(await popup.evaluate(() => chrome.action.getTitle({}))).toMatch(
      /^BTC open interest -23\.2% in 24h/,
    );

    // The same settings from the popup's controls, which show BTC though it is not pinned.
    await popup.reload();
    await expect.poll(() => popup.getByLabel('Toolbar badge').inputValue()).toBe('coin:BTC');
    await popup.getByLabel('Toolbar badge').selectOption('off');
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
    expect(await send({ type: 'getToolbarMode' })).toEqual({ mode: { kind: 'off' } });
    await popup.getByLabel('Notify me when a signal starts for a pinned coin').check();
    await expect.poll(() => send({ type: 'getAlerts' })).toEqual({ enabled: true });
  });
});
