// The user's control over the page overlay: the density setting, applied live to an open article,
// and the per-site switch, which takes every trace of the extension out of the page and keeps it
// out until the site is switched on again.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openPopup, saveScreenshot } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const browser = useExtensionSession('file');
let popup: Page;

beforeAll(async () => {
  popup = await openPopup(await browser.launch('calm'));
});

const sites = () => popup.locator('section.sites');

async function setDensity(value: string) {
  await sites().locator('select').selectOption(value);
}

/** The badges on the page and, per block, the coins badged there. */
const badgeCounts = (page: Page) =>
  page.evaluate(() => {
    const badges = [...document.querySelectorAll('ll-badge')];
    const perBlock = new Map<Element, string[]>();
    for (const badge of badges) {
      const block = badge.closest('p, li, h1, h2, h3, blockquote, figcaption, td') ?? document.body;
      perBlock.set(block, [...(perBlock.get(block) ?? []), badge.getAttribute('coin') ?? '']);
    }
    const coins = badges.map((badge) => badge.getAttribute('coin'));
    return {
      total: badges.length,
      distinctCoins: new Set(coins).size,
      repeatsInABlock: [...perBlock.values()].some((list) => new Set(list).size < list.length),
    };
  });

describe('density', () => {
  it('is the first mention per block by default, and follows the setting live', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    await page.locator('#lead ll-badge').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await badgeCounts(page)).total).toBeGreaterThan(5);
    const perBlock = await badgeCounts(page);
    expect(perBlock.repeatsInABlock).toBe(false);

    // Each change restarts the page's script, which reads what is within reach once the browser
    // has reported it (a frame later): as long as the first-per-page step is given.
    await setDensity('all');
    await expect
      .poll(async () => (await badgeCounts(page)).total, { timeout: 10_000 })
      .toBeGreaterThan(perBlock.total);
    expect((await badgeCounts(page)).repeatsInABlock).toBe(true);

    await setDensity('first-per-page');
    await expect
      .poll(async () => (await badgeCounts(page)).total, { timeout: 10_000 })
      .toBe(perBlock.distinctCoins);

    await setDensity('off');
    await expect.poll(async () => (await badgeCounts(page)).total).toBe(0);

    await setDensity('first-per-block');
    await expect
      .poll(async () => (await badgeCounts(page)).total, { timeout: 10_000 })
      .toBe(perBlock.total);
    await page.close();
  });
});

describe('the switch per site', () => {
  it('takes everything out of a page and keeps it out until switched on', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/feed.html?autoload=0`);
    const textNodeCount = () =>
      page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let count = 0;
        while (walker.nextNode()) count += 1;
        return count;
      });
    // The page as served, parsed apart from the live one: its text and its text nodes.
    const pristine = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const body = new DOMParser().parseFromString(html, 'text/html').body;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let textNodes = 0;
      while (walker.nextNode()) textNodes += 1;
      return { text: body.textContent, textNodes };
    });
    await page.locator('.feed-item[data-n="1"] ll-badge').first().waitFor({ timeout: 15_000 });
    // Open the hover card too: it must go with the rest.
    await page.locator('.feed-item[data-n="1"] ll-badge').first().hover();
    await page.locator('ll-card').waitFor({ timeout: 10_000 });

    const loopback = 'http://127.0.0.1';
    const toggle = sites().getByRole('checkbox', { name: new RegExp(`${loopback}$`) });
    await toggle.uncheck();

    await expect.poll(() => page.locator('ll-badge, ll-card').count()).toBe(0);
    // The text is the page's own again, in as many text nodes as before badges split them.
    expect(await page.evaluate(() => document.body.textContent)).toBe(pristine.text);
    const nodesWhileOff = await textNodeCount();
    expect(nodesWhileOff).toBe(pristine.textNodes);

    // New content while switched off gets nothing: the observer is gone.
    await page.evaluate(() => (window as unknown as { loadMore(): number }).loadMore());
    await page.waitForTimeout(1_500);
    expect(await page.locator('ll-badge').count()).toBe(0);
    expect(await textNodeCount()).toBeGreaterThan(nodesWhileOff);

    // A page loaded while off stays untouched.
    const other = await browser.current.context.newPage();
    await other.goto(`${origin}/pages/article.html`);
    await other.waitForTimeout(2_000);
    expect(await other.locator('ll-badge').count()).toBe(0);

    await toggle.check();
    await page.bringToFront();
    await page.locator('.feed-item[data-n="15"] ll-badge').first().waitFor({ timeout: 15_000 });
    await other.bringToFront();
    await other.locator('#lead ll-badge').waitFor({ timeout: 15_000 });
    await saveScreenshot(popup, 'sites-switch-popup');
    await page.close();
    await other.close();
  });
});
