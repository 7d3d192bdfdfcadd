// The history charts as a user meets them: in the hover card on a news page (inside its closed
// shadow root) and in the popup's coin detail, opened by click, by keyboard and by `#coin=BTC`.
// The calm scenario has BTC on Bybit only: 30,000 BTC, at $65,000 now and 1.2% higher from a
// day ago back ($1.97B of OI then, $1.95B now), funding 0.01% per 8 h. stream-steady adds 32 long
// liquidations of $6,500 on Bybit.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { ContextsAnswer, StatusAnswer } from '../../src/messages';
import {
  closedShadowCount,
  closedShadowText,
  openPopup,
  saveScreenshot,
  settledBox,
} from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const replay = replayControl(origin);
const browser = useExtensionSession('test');
beforeEach(() => browser.launch('calm'));

const OI_SENTENCE = /Open interest over 30 days \(Bybit\): \$1\.97B → \$1\.95B \(-1\.\d+%\)\./;

/** Plays stream-steady once Bybit's stream listens, and waits until all 32 are counted. */
async function streamLiquidations(popup: Page) {
  const ask = <T>(message: unknown) =>
    popup.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  const bybitConnected = async () =>
    (await ask<StatusAnswer>({ type: 'getStatus' })).venues.find((v) => v.venue === 'bybit')?.stream
      ?.connected;
  await expect.poll(bybitConnected, { timeout: 15_000 }).toBe(1);
  await replay.setScenario('stream-steady');
  const btcCount = async () =>
    (await ask<ContextsAnswer>({ type: 'getContext', coins: ['BTC'] })).contexts[0]?.liquidations[
      '1h'
    ].count;
  await expect.poll(btcCount, { timeout: 15_000 }).toBe(32);
}

const chartCaption = (popup: Page) =>
  popup.locator('[data-testid="coin-chart"] figcaption').textContent();

describe('history charts', () => {
  it('the hover card draws the 30-day OI chart and liquidation bars, and says what they show', async () => {
    await streamLiquidations(await openPopup(browser.current));
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const badge = page.locator('#lead ll-badge[coin="BTC"]');
    await badge.waitFor({ timeout: 15_000 });
    await badge.hover();
    await page.locator('ll-card').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => closedShadowText(page, 'll-card'), { timeout: 20_000 })
      .toMatch(OI_SENTENCE);
    const text = await closedShadowText(page, 'll-card');
    // 32 × $6,500 of longs, all in the hour under way.
    expect(text).toContain('Reported liquidations, last 24 h: longs $208K, shorts $0');
    expect(text).toContain('Listening for liquidations since');
    expect(text).toContain('By venue: Bybit $1.95B');
    // The OI line and the liquidation bars: one uPlot canvas each.
    expect(await closedShadowCount(page, 'll-card', 'canvas')).toBe(2);
    // The card still fits the viewport now that it has grown.
    const box = await settledBox(page.locator('ll-card'));
    const viewport = page.viewportSize();
    expect(viewport && box.y + box.height <= viewport.height).toBe(true);
    await saveScreenshot(page, 'charts-hover-card');
  });

  it('the popup opens a coin’s detail on click, with the chart and funding, and Escape goes back', async () => {
    const popup = await openPopup(browser.current);
    const row = popup.locator('[data-testid="largest"] tr[data-coin="BTC"]');
    await row.waitFor({ timeout: 15_000 });
    await row.locator('th').click();
    const detail = popup.getByTestId('coin-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-coin')).toBe('BTC');
    expect(new URL(popup.url()).hash).toBe('#coin=BTC');
    await expect.poll(() => chartCaption(popup), { timeout: 20_000 }).toMatch(OI_SENTENCE);
    expect(await chartCaption(popup)).toContain(
      'Funding per 8 h: +0.0100% in the latest period, +0.0100% on average.',
    );
    // The OI line with funding on its second axis (bars only once a minute has been heard).
    expect(await popup.locator('[data-testid="coin-chart"] canvas').count()).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      await popup.locator('[data-testid="detail-venues"] tr[data-venue="bybit"]').textContent(),
    ).toMatch(/^Bybit\$1\.95B100\.0%$/);
    expect(await popup.getByTestId('detail-figures').textContent()).toContain('$1.95B');
    await saveScreenshot(popup, 'charts-popup-detail');

    await popup.keyboard.press('Escape');
    await popup.getByTestId('largest').waitFor();
    expect(await detail.count()).toBe(0);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-coin')))
      .toBe('BTC');
  });

  it('opens the detail from the keyboard, and Back returns to the list', async () => {
    const popup = await openPopup(browser.current);
    const row = popup.locator('[data-testid="largest"] tr[data-coin="ETH"]');
    await row.waitFor({ timeout: 15_000 });
    await row.focus();
    await popup.keyboard.press('Enter');
    await popup.getByTestId('coin-detail').waitFor();
    expect(await popup.getByTestId('coin-detail').getAttribute('data-coin')).toBe('ETH');
    // Focus lands on Back, so Enter (or Escape) returns.
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Back to the coin list (Escape)');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('largest').waitFor();
    expect(await popup.getByTestId('coin-detail').count()).toBe(0);
  });

  it('opens straight on the coin named by #coin=BTC, as a notification’s click does', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(
      `chrome-extension://${browser.current.extensionId}/src/popup/index.html#coin=BTC`,
    );
    const detail = page.getByTestId('coin-detail');
    await detail.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator('#detail-title').textContent(), { timeout: 15_000 })
      .toMatch(/^BTC \$65,000\.00/);
    await expect.poll(() => chartCaption(page), { timeout: 20_000 }).toContain('(Bybit)');
    expect(await page.getByTestId('detail-liquidations').textContent()).toContain('24h');
  });
});
