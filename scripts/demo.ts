// `npm run demo`: replay server + a test build + Chromium with the extension on our sample
// article and exchange page, replaying the 2025-09-22 long flush: the market moves from its
// pre-flush levels to the flushed state, and the liquidations stream in, within a minute.
// Without a display it runs headless and writes screenshots and a short report instead.
// Flags: --scenario NAME (a file in test/scenarios), --speed N (scenario seconds per second;
// 1 with a display, 4 headless), --headless.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { buildExtension } from '../test/e2e/build';
import { closedShadowCount, launchWithExtension, openPopup } from '../test/e2e/harness';
import { startReplayServer } from '../test/replay/server';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: '2025-09-22-long-flush' },
    speed: { type: 'string' },
    headless: { type: 'boolean', default: false },
  },
});
const scenario = values.scenario ?? '2025-09-22-long-flush';
const outDir = join(process.cwd(), 'demo-results');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !hasDisplay;
const speed = Number(values.speed ?? (headless ? 4 : 1));

const server = await startReplayServer({ scenario });
console.log(`Replay server on ${server.origin}, scenario "${scenario}"`);
const extensionDir = join(process.cwd(), '.build', 'demo-extension');
buildExtension(extensionDir, server.origin);
console.log(`Extension built into ${extensionDir}`);

const session = await launchWithExtension({ extensionDir, headless });
// Start the day once the extension has had its first look at the market, so that the flush
// happens while it listens.
await new Promise((resolve) => setTimeout(resolve, 3_000));
server.setScenario(scenario, speed);
const playSeconds =
  Math.max(
    0,
    ...server.scenario.timeline.map((frame) => frame.atSeconds),
    ...server.scenario.liquidations.map((l) => l.atSeconds),
  ) / speed;
const articleUrl = `${server.origin}/pages/article.html`;
const exchangeUrl = `${server.origin}/pages/exchange.html?symbol=BTCUSDT`;

if (!headless) {
  const article = await session.context.newPage();
  await article.goto(articleUrl);
  const exchange = await session.context.newPage();
  await exchange.goto(exchangeUrl);
  await openPopup(session);
  await article.bringToFront();
  console.log(
    'Chromium is open with the extension: the article, an exchange page and the popup page.',
  );
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  const stop = async () => {
    await session.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  session.context.on('close', () => void stop());
} else {
  mkdirSync(outDir, { recursive: true });
  const shot = async (page: Page, name: string) => {
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path });
    return path;
  };

  console.log(`Playing "${scenario}" for ${Math.ceil(playSeconds)} s…`);
  await new Promise((resolve) => setTimeout(resolve, playSeconds * 1000 + 1_000));
  const refresher = await openPopup(session);
  await refresher.getByRole('button', { name: 'Refresh' }).click();
  await refresher.waitForTimeout(2_000);
  await refresher.close();

  const article = await session.context.newPage();
  await article.goto(articleUrl);
  await article.locator('ll-badge').first().waitFor({ timeout: 20_000 });
  const badges = await article
    .locator('ll-badge')
    .evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('aria-label') ?? node.getAttribute('coin') ?? ''),
    );
  await article.locator('ll-badge').first().scrollIntoViewIfNeeded();
  const shots = [await shot(article, 'article-with-badges')];

  // BTC's hover card, once its chart (loaded on first hover) has drawn.
  const btcBadge = article.locator('ll-badge[coin="BTC"]').first();
  await btcBadge.scrollIntoViewIfNeeded();
  await btcBadge.hover();
  await article.locator('ll-card').waitFor({ timeout: 10_000 });
  // The card is a closed shadow root: its chart's canvases are counted through DevTools.
  for (let tries = 0; tries < 30; tries++) {
    if ((await closedShadowCount(article, 'll-card', 'canvas')) > 0) break;
    await article.waitForTimeout(500);
  }
  shots.push(await shot(article, 'hover-card'));

  const exchange = await session.context.newPage();
  await exchange.goto(exchangeUrl);
  await exchange.waitForTimeout(1_500);
  shots.push(await shot(exchange, 'exchange-page'));

  const popup = await openPopup(session);
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup
    .getByTestId('market-oi')
    .waitFor({ timeout: 20_000 })
    .catch(async (error) => {
      console.error(await popup.locator('body').textContent());
      throw error;
    });
  await popup
    .getByTestId('market-signals')
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  // The saved figures come first; the screenshot shows the background's live answer.
  await popup
    .getByTestId('cached')
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  const marketSignals = await popup.locator('[data-testid="market-signals"] li').allTextContents();
  const marketOi = await popup.getByTestId('market-oi').textContent();
  const venues = await popup
    .locator('[data-venue]')
    .evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-venue')}: ${node.getAttribute('data-state')}`),
    );
  shots.push(await shot(popup, 'popup'));

  // The coin detail, as a notification's click opens it.
  await popup.goto(`${popup.url().split('#')[0]}#coin=BTC`);
  await popup.getByTestId('coin-detail').waitFor({ timeout: 15_000 });
  await popup
    .locator('[data-testid="coin-chart"] canvas')
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(() => undefined);
  shots.push(await shot(popup, 'coin-detail'));

  const uniqueBadges = [...new Set(badges)];
  const report = [
    `# Leverage Lens demo (headless): scenario "${scenario}"`,
    '',
    `Replay server: ${server.origin}`,
    `Badges on the article: ${badges.length} (${uniqueBadges.length} distinct)`,
    ...uniqueBadges.map((label) => `- ${label}`),
    `Popup: total open interest ${marketOi}`,
    `Market signals: ${marketSignals.length ? marketSignals.join(' | ') : 'none'}`,
    `Data sources: ${venues.join(', ')}`,
    '',
    'Screenshots:',
    ...shots.map((path) => `- ${path}`),
  ].join('\n');
  const reportPath = join(outDir, 'report.md');
  writeFileSync(reportPath, `${report}\n`);
  console.log(`\n${report}\n\nReport written to ${reportPath}`);
  await session.close();
  await server.close();
}
