// Badges as a reader meets them: in the right places, never in editable or code text, immune to
// hostile page CSS, and on content that arrives after load.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { closedShadowCount, closedShadowText, saveScreenshot, settledBox } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const browser = useExtensionSession('file');
beforeAll(() => browser.launch('calm'));

describe('the news article', () => {
  it('skips code, pre, inputs and textareas, and puts a link’s badge after the link', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    await page.locator('#lead ll-badge').waitFor({ timeout: 15_000 });

    expect(
      await page.locator('code ll-badge, pre ll-badge, textarea ll-badge, a ll-badge').count(),
    ).toBe(0);
    expect(await page.locator('#comment-body').inputValue()).toMatch(/^Closed my \$ETH long/);
    // "Solana (SOL)"-style pairs are one mention: the lead's "Bitcoin (BTC)" gets one badge, after "(BTC)".
    const lead = page.locator('#lead');
    expect(await lead.locator('ll-badge').count()).toBe(1);
    expect(
      await lead.evaluate((node) => {
        const badge = node.querySelector('ll-badge');
        return badge?.previousSibling?.textContent;
      }),
    ).toBe('Bitcoin (BTC)');
    const linkBadge = page.locator('#story a[href="#bitcoin"] + ll-badge');
    expect(await linkBadge.getAttribute('coin')).toBe('BTC');
  });

  it('keeps its size under the page’s hostile "ll-badge { font-size: 40px !important }"', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const badge = page.locator('#lead ll-badge');
    await badge.waitFor({ timeout: 15_000 });
    const box = await badge.boundingBox();
    expect(box?.height).toBeGreaterThan(8);
    expect(box?.height).toBeLessThan(24);
    await badge.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'badges-hostile-css');
  });

  it('opens the card on hover inside the viewport, without covering the mention', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const badge = page.locator('#lead ll-badge');
    await badge.waitFor({ timeout: 15_000 });
    await badge.hover();
    const card = page.locator('ll-card');
    await card.waitFor({ timeout: 10_000 });
    // The card grows when its chart arrives and is placed again: measure where it settles.
    await expect
      .poll(() => closedShadowCount(page, 'll-card', 'canvas'), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [cardBox, badgeBox, viewport] = [
      await settledBox(card),
      await badge.boundingBox(),
      page.viewportSize(),
    ];
    if (!cardBox || !badgeBox || !viewport) throw new Error('no layout');
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.y).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(viewport.width);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(viewport.height);
    // Below or above the badge's line, never over it.
    const overlaps =
      cardBox.y < badgeBox.y + badgeBox.height && badgeBox.y < cardBox.y + cardBox.height;
    expect(overlaps).toBe(false);
    // Minutes after start, the card says how little of the day its liquidations cover.
    expect(await closedShadowText(page, 'll-card')).toMatch(
      /Reported liquidations, covering (less than a minute so far|the last \d+ min)\./,
    );
    await saveScreenshot(page, 'badges-hover-card');
  });

  it('gives a page no handle on our badges or on the extension', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    await page.locator('#lead ll-badge').waitFor({ timeout: 15_000 });
    const seen = await page.evaluate(() => ({
      shadow: document.querySelector('ll-badge')?.shadowRoot ?? null,
      runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime?.sendMessage,
    }));
    expect(seen).toEqual({ shadow: null, runtime: 'undefined' });
  });
});

describe('an infinite-scroll feed', () => {
  it('badges items added after load, once per coin and item', async () => {
    const page = await browser.current.context.newPage();
    await page.goto(`${origin}/pages/feed.html?autoload=0`);
    await page.locator('.feed-item[data-n="1"] ll-badge').first().waitFor({ timeout: 15_000 });
    const before = await page.locator('ll-badge').count();
    await page.evaluate(() => (window as unknown as { loadMore(): number }).loadMore());
    await expect
      .poll(() => page.locator('.feed-item[data-n="15"] ll-badge').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('ll-badge').count()).toBeGreaterThan(before);
    const duplicates = await page.locator('.feed-item').evaluateAll(
      (items) =>
        items.filter((item) => {
          const coins = [...item.querySelectorAll('ll-badge')].map((badge) =>
            badge.getAttribute('coin'),
          );
          const blocks = item.querySelectorAll('h2, p').length;
          return coins.length > blocks * new Set(coins).size;
        }).length,
    );
    expect(duplicates).toBe(0);
    await saveScreenshot(page, 'badges-feed');
  });
});
