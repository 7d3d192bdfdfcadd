// `npm run demo`: replay server + a test build + Chromium with the extension on our sample
// article and exchange page. Without a display it runs headless and writes screenshots and a
// short report instead.  Flags: --scenario NAME (a file in test/scenarios), --headless.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { buildExtension } from '../test/e2e/build';
import { launchWithExtension, openPopup } from '../test/e2e/harness';
import { startReplayServer } from '../test/replay/server';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'calm' },
    headless: { type: 'boolean', default: false },
  },
});
const scenario = values.scenario ?? 'calm';
const outDir = join(process.cwd(), 'demo-results');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !hasDisplay;

const server = await startReplayServer({ scenario });
console.log(`Replay server on ${server.origin}, scenario "${scenario}"`);
const extensionDir = join(process.cwd(), '.build', 'demo-extension');
buildExtension(extensionDir, server.origin);
console.log(`Extension built into ${extensionDir}`);

const session = await launchWithExtension({ extensionDir, headless });
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

  const exchange = await session.context.newPage();
  await exchange.goto(exchangeUrl);
  await exchange.waitForTimeout(1_500);
  shots.push(await shot(exchange, 'exchange-page'));

  const popup = await openPopup(session);
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.getByTestId('market-oi').waitFor({ timeout: 20_000 });
  const marketOi = await popup.getByTestId('market-oi').textContent();
  const venues = await popup
    .locator('[data-venue]')
    .evaluateAll((nodes) =>
      nodes.map((node) => `${node.getAttribute('data-venue')}: ${node.getAttribute('data-state')}`),
    );
  shots.push(await shot(popup, 'popup'));

  const uniqueBadges = [...new Set(badges)];
  const report = [
    `# Leverage Lens demo (headless): scenario "${scenario}"`,
    '',
    `Replay server: ${server.origin}`,
    `Badges on the article: ${badges.length} (${uniqueBadges.length} distinct)`,
    ...uniqueBadges.map((label) => `- ${label}`),
    `Popup: total open interest ${marketOi}`,
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
