// The Firefox build in Debian's Firefox ESR, as a user meets it after installing it temporarily:
// badges on a news article with the replay server's figures, the hover card, and the popup page.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIREFOX_ADDON_ID } from '../../build/manifest';
import { replayControl } from '../e2e/replay-control';
import {
  closedShadowText,
  type FirefoxSession,
  launchFirefoxWithAddon,
  openAddonPage,
  saveScreenshot,
} from './firefox';

const origin = inject('firefoxReplayOrigin');
let session: FirefoxSession;

beforeAll(async () => {
  const replay = replayControl(origin);
  await replay.reset();
  await replay.setScenario('calm');
  session = await launchFirefoxWithAddon(inject('firefoxExtensionDir'));
});
afterAll(() => session?.close());

describe('the add-on in Firefox', () => {
  it('installs temporarily under its add-on id', () => {
    expect(session.addonId).toBe(FIREFOX_ADDON_ID);
  });

  it('badges a coin on the news article with its open interest from the replay server', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const textBefore = await page.$eval('#story', (node) => node.textContent);
    const btc = await page.waitForSelector('ll-badge[coin="BTC"][data-oi-usd]', {
      timeout: 15_000,
    });
    // 30,000 BTC one-sided at $65,000 in the calm scenario.
    expect(await btc?.evaluate((node) => node.getAttribute('data-oi-usd'))).toBe(
      String(30_000 * 65_000),
    );
    expect(await btc?.evaluate((node) => node.getAttribute('aria-label'))).toBe(
      'BTC open interest $1.95B',
    );
    expect(await closedShadowText(session, page, 'll-badge[coin="BTC"]')).toBe('BTC OI $1.95B');
    // The page sees neither inside the badge nor a changed text.
    expect(await btc?.evaluate((node) => node.shadowRoot)).toBeNull();
    expect(await page.$eval('#story', (node) => node.textContent)).toBe(textBefore);
    await saveScreenshot(page, 'firefox-article-badges');

    // The card's code loads on first hover (a dynamic import from the content script).
    await btc?.hover();
    await page.waitForSelector('ll-card[data-coin="BTC"]', { timeout: 10_000 });
    expect(await closedShadowText(session, page, 'll-card')).toContain('$1.95B');
    await saveScreenshot(page, 'firefox-hover-card');
  });

  it('shows the market’s figures from the replay server on the popup page', async () => {
    const popup = await openAddonPage(session, 'src/popup/index.html');
    const figure = await popup.waitForSelector('[data-testid="market-oi"][value="5000000000"]', {
      timeout: 15_000,
    });
    expect(await figure?.evaluate((node) => node.textContent)).toBe('$5B');
    expect(
      await popup.$eval('tr[data-coin="BTC"] data', (node) => node.getAttribute('value')),
    ).toBe(String(30_000 * 65_000));
    expect(
      await popup.$eval('[data-venue="bybit"]', (node) => node.getAttribute('data-state')),
    ).toBe('live');
    await saveScreenshot(popup, 'firefox-popup');
  });
});
