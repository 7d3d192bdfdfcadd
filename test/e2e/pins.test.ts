// Pinning as a user does it: from a coin's card on a news page, then in the popup by keyboard,
// and the pins still there after the browser restarts with the same profile.
import { describe, expect, inject, it } from 'vitest';
import { openPopup, saveScreenshot } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const browser = useExtensionSession('test');

const pinnedCoins = (popup: Awaited<ReturnType<typeof openPopup>>) =>
  popup
    .locator('[data-testid="pinned"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-coin')));

const focusedButton = (popup: Awaited<ReturnType<typeof openPopup>>) =>
  popup.evaluate(() => document.activeElement?.getAttribute('aria-label'));

describe('pins', () => {
  it('a coin pinned from its card comes first in the popup, and survives a browser restart', async () => {
    const session = await browser.launch('calm');
    const article = await session.context.newPage();
    await article.goto(`${origin}/pages/article.html`);
    const badge = article.locator('#lead ll-badge[coin="BTC"]');
    await badge.waitFor({ timeout: 15_000 });
    // Keyboard: focusing the badge opens the card with its pin button focused; Enter pins.
    await badge.focus();
    await article.locator('ll-card').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => article.evaluate(() => document.activeElement?.localName), { timeout: 10_000 })
      .toBe('ll-card');
    await article.keyboard.press('Enter');
    let popup = await openPopup(session);
    await expect.poll(() => pinnedCoins(popup), { timeout: 10_000 }).toEqual(['BTC']);
    // Escape closes the card and gives focus back to the badge.
    await article.bringToFront();
    await article.keyboard.press('Escape');
    expect(await article.locator('ll-card').count()).toBe(0);
    await expect
      .poll(() => article.evaluate(() => document.activeElement?.getAttribute('coin')))
      .toBe('BTC');

    popup = await openPopup(await browser.restart());
    await expect.poll(() => pinnedCoins(popup), { timeout: 15_000 }).toEqual(['BTC']);
    await saveScreenshot(popup, 'pins-after-restart');
  });

  it('pins from the popup, reorders with Alt+Up and unpins, all by keyboard, never losing the focus', async () => {
    const popup = await openPopup(await browser.launch('calm'));
    await popup.getByTestId('largest').waitFor({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Pin BTC' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC']);
    // The row left the list: the keyboard is on the next coin's ☆, not dropped on the page.
    await expect.poll(() => focusedButton(popup)).toBe('Pin ETH');
    await popup.keyboard.press('Enter');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC', 'ETH']);

    await popup.locator('[data-testid="pinned"] tr[data-coin="ETH"]').focus();
    await popup.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['ETH', 'BTC']);
    // The moved row keeps the focus, so a second move needs no mouse either.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-coin')))
      .toBe('ETH');

    await popup.getByRole('button', { name: 'Unpin ETH' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC']);
    await expect.poll(() => focusedButton(popup)).toBe('Unpin BTC');
    await popup.keyboard.press('Enter');
    // The last pin gone, the keyboard waits in the search for the next one.
    await popup.getByTestId('no-pins').waitFor();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.id))
      .toBe('pin-search-input');
    await saveScreenshot(popup, 'pins-keyboard');
  });
});
