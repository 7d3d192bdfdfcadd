// The panel on an exchange's trading page: the coin from the URL, following client-side
// navigation, and a collapsed state that survives a reload.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { closedShadowText } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const browser = useExtensionSession('file');
beforeAll(() => browser.launch('calm'));

const panelText = (page: Page) => closedShadowText(page, 'll-panel');

async function panelHeight(page: Page): Promise<number> {
  return (await page.locator('ll-panel').boundingBox())?.height ?? 0;
}

/** Clicks the header's collapse button: the shadow root is closed, so by its place. */
async function clickToggle(page: Page) {
  const box = await page.locator('ll-panel').boundingBox();
  if (!box) throw new Error('no panel to collapse');
  await page.mouse.click(box.x + box.width - 18, box.y + 16);
}

describe('the exchange trading page', () => {
  it('shows the coin of the URL and follows client-side navigation', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/exchange.html?symbol=BTCUSDT`);
    await page.locator('ll-panel').waitFor({ timeout: 15_000 });
    expect(await page.locator('ll-panel').getAttribute('coin')).toBe('BTC');
    await expect.poll(() => panelText(page), { timeout: 15_000 }).toMatch(/^BTC\b/);

    await page.evaluate(() =>
      (window as unknown as { switchSymbol(symbol: string): void }).switchSymbol('ETHUSDT'),
    );
    await expect.poll(() => panelText(page), { timeout: 10_000 }).toMatch(/^ETH\b/);
    expect(await page.locator('ll-panel').getAttribute('coin')).toBe('ETH');
    expect(await page.locator('ll-panel').count()).toBe(1);

    await page.goBack();
    await expect.poll(() => panelText(page), { timeout: 10_000 }).toMatch(/^BTC\b/);
    await page.close();
  });

  it('keeps the panel collapsed across a reload', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/exchange.html?symbol=BTCUSDT`);
    await page.locator('ll-panel').waitFor({ timeout: 15_000 });
    await expect.poll(() => panelText(page), { timeout: 15_000 }).toMatch(/Open interest/);
    const expanded = await panelHeight(page);

    await clickToggle(page);
    await expect.poll(() => panelHeight(page), { timeout: 10_000 }).toBeLessThan(expanded / 2);
    const collapsed = await panelHeight(page);

    await page.reload();
    await page.locator('ll-panel').waitFor({ timeout: 15_000 });
    await expect.poll(() => panelText(page), { timeout: 15_000 }).toMatch(/^BTC\b/);
    await expect.poll(() => panelHeight(page), { timeout: 10_000 }).toBe(collapsed);

    // Expanding again is remembered too, so later tests start from the default.
    await clickToggle(page);
    await expect.poll(() => panelHeight(page), { timeout: 10_000 }).toBeGreaterThan(collapsed);
    await page.reload();
    await page.locator('ll-panel').waitFor({ timeout: 15_000 });
    await expect.poll(() => panelHeight(page), { timeout: 15_000 }).toBeGreaterThan(collapsed);
    await page.close();
  });
});
