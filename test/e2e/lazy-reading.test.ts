// Badges where the reader can reach them: the content script reads what is in or within a screen
// of the viewport, and the rest of the page, content the page adds far down included, once the
// reader scrolls near it; a block hidden with display: none is read once it is shown.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { saveScreenshot } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
/** Long enough for the idle-time reading of everything within reach to be over. */
const SETTLE_MS = 1_500;
const browser = useExtensionSession('file');
let page: Page;

const badgesIn = (selector: string) =>
  page.evaluate(
    (scope) =>
      [...document.querySelectorAll(`${scope} ll-badge`)].map((badge) =>
        badge.getAttribute('coin'),
      ),
    selector,
  );

beforeAll(async () => {
  const session = await browser.launch('calm');
  page = await session.context.newPage();
  await page.goto(`${origin}/pages/long.html`);
  await page.locator('#top ll-badge').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(SETTLE_MS);
});

describe('reading what the reader can reach', () => {
  it('badges the screen and the next one at load, and nothing several screens down', async () => {
    expect(await badgesIn('#top')).toEqual(['BTC']);
    // Below the fold but within a screen of it: ready before the reader gets there.
    const near = await page.locator('#near').boundingBox();
    expect(near?.y).toBeGreaterThan(page.viewportSize()?.height ?? 0);
    expect(await badgesIn('#near')).toEqual(['ETH']);
    expect(await badgesIn('#far')).toEqual([]);
    // Within reach, but editable: skipped, its nested paragraph too.
    expect(await badgesIn('#editor')).toEqual([]);
  });

  it('badges a far mention once the reader scrolls to it', async () => {
    await page.locator('#far').scrollIntoViewIfNeeded();
    await expect.poll(() => badgesIn('#far'), { timeout: 10_000 }).toEqual(['SOL']);
    await saveScreenshot(page, 'lazy-far-mention');
  });

  it('badges content added far off-screen only when the reader scrolls to it', async () => {
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added';
      added.textContent = 'Added later: Dogecoin (DOGE) open interest doubled.';
      document.getElementById('later')?.append(added);
    });
    await page.waitForTimeout(SETTLE_MS);
    expect(await badgesIn('#added')).toEqual([]);
    await page.locator('#added').scrollIntoViewIfNeeded();
    await expect.poll(() => badgesIn('#added'), { timeout: 10_000 }).toEqual(['DOGE']);
  });

  it('badges a hidden block once it is shown', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(SETTLE_MS);
    expect(await badgesIn('#hidden')).toEqual([]);
    await page.evaluate(() => {
      (document.getElementById('hidden') as HTMLElement).style.display = 'block';
    });
    await expect.poll(() => badgesIn('#hidden'), { timeout: 10_000 }).toEqual(['XRP']);
  });
});
