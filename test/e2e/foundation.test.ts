// The thin slice, end to end in real Chromium: replay server → worker → badges and popup, and the
// worker being stopped the way Chrome stops it.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MANUAL_REFRESH_SPACING_MS } from '../../src/core/venue-status';
import { loadScenario } from '../replay/scenario';
import { openPopup, saveScreenshot, stopServiceWorker } from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const replay = replayControl(origin);

/** Total one-sided OI in USD of the scenario's perpetual markets, as a person would add it up. */
function handComputedOi(name: string): number {
  return loadScenario(name).coins.reduce(
    (sum, coin) => sum + (coin.venues.bybit ? coin.venues.bybit.oiCoins * coin.price : 0),
    0,
  );
}

const browser = useExtensionSession('test');
beforeEach(() => browser.launch('calm'));

describe('badges on a news article', () => {
  it('puts a badge with the coin’s open interest after a mention, without changing the page text', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const textBefore = await page.locator('#story').evaluate((node) => node.textContent);
    const btc = page.locator('ll-badge[coin="BTC"]').first();
    await btc.waitFor({ timeout: 15_000 });
    // 30,000 BTC one-sided at $65,000 in the calm scenario.
    await expect.poll(() => btc.getAttribute('data-oi-usd')).toBe(String(30_000 * 65_000));
    expect(await btc.getAttribute('aria-label')).toBe('BTC open interest $1.95B');
    expect(await page.locator('#story').evaluate((node) => node.textContent)).toBe(textBefore);
    // A closed shadow root: the page cannot see inside the badge.
    expect(await btc.evaluate((node) => node.shadowRoot)).toBeNull();
    await saveScreenshot(page, 'foundation-article-badges');
  });
});

describe('popup', () => {
  it('shows the market’s total open interest equal to the sum computed by hand from the scenario', async () => {
    const expected = handComputedOi('calm');
    expect(expected).toBe(5_000_000_000);
    const popup = await openPopup(browser.current);
    const figure = popup.getByTestId('market-oi');
    await expect
      .poll(() => figure.getAttribute('value'), { timeout: 15_000 })
      .toBe(String(expected));
    expect(await figure.textContent()).toBe('$5B');
    expect(await popup.locator('[data-venue="bybit"]').getAttribute('data-state')).toBe('live');
    // The dated BTC future of the scenario is not a perpetual and must not be counted.
    expect(await popup.locator('tr[data-coin="BTC"] data').getAttribute('value')).toBe(
      String(30_000 * 65_000),
    );
    await saveScreenshot(popup, 'foundation-popup');
  });

  it('still shows the last good data after the service worker is stopped, and the worker recovers', async () => {
    const popup = await openPopup(browser.current);
    const figure = popup.getByTestId('market-oi');
    await expect.poll(() => figure.getAttribute('value'), { timeout: 15_000 }).toBe('5000000000');
    await popup.close();

    await stopServiceWorker(browser.current);
    // While the worker sleeps the venue moves on; the first reopen must still show the stored figure.
    await replay.setScenario('calm-btc-doubled');
    const tickerRequestsBefore = (await replay.requests()).filter(
      (r) => r.path === '/v5/market/tickers',
    ).length;
    const reopened = await openPopup(browser.current);
    const reopenedFigure = reopened.getByTestId('market-oi');
    await expect
      .poll(() => reopenedFigure.getAttribute('value'), { timeout: 15_000 })
      .toBe('5000000000');
    const tickerRequestsAfter = (await replay.requests()).filter(
      (r) => r.path === '/v5/market/tickers',
    ).length;
    expect(
      tickerRequestsAfter,
      'the restarted worker must not re-poll a venue that is not due',
    ).toBe(tickerRequestsBefore);
    await saveScreenshot(reopened, 'foundation-popup-after-worker-stop');

    // The restarted worker answers a manual refresh with fresh data from the venue.
    await reopened.waitForTimeout(MANUAL_REFRESH_SPACING_MS);
    await reopened.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => reopenedFigure.getAttribute('value'), { timeout: 15_000 })
      .toBe(String(handComputedOi('calm-btc-doubled')));
  });
});
