// How long a reader waits for the hover card's 30-day chart on a fresh profile, while the
// background is still backfilling the history of every coin on the page and the market: real
// Chromium, six venues on the replay server (the 2025-09-22 day), paced as shipped.
import { join } from 'node:path';
import { buildExtension } from '../e2e/build';
import { closedShadowCount, launchWithExtension } from '../e2e/harness';
import { startReplayServer } from '../replay/server';

export const FIRST_CHART_RUNS = 3;
/** The badges appear, then the reader takes this long before hovering the first one. */
const READING_MS = 3_000;

export interface FirstChartResult {
  runs: number;
  /** Hover to the chart's first canvas, per run (a fresh profile each). */
  hoverToChartMs: number[];
}

async function oneRun(extensionDir: string, origin: string): Promise<number> {
  const session = await launchWithExtension({ extensionDir });
  try {
    const page = await session.context.newPage();
    await page.goto(`${origin}/pages/article.html`);
    const badge = page.locator('ll-badge[coin="BTC"]').first();
    await badge.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(READING_MS);
    await badge.scrollIntoViewIfNeeded();
    const hoveredAt = Date.now();
    await badge.hover();
    await page.locator('ll-card').waitFor({ timeout: 10_000 });
    while ((await closedShadowCount(page, 'll-card', 'canvas')) === 0) {
      if (Date.now() - hoveredAt > 60_000) throw new Error('no chart within 60 s');
      await page.waitForTimeout(50);
    }
    return Date.now() - hoveredAt;
  } finally {
    await session.close();
  }
}

export async function measureFirstChart(): Promise<FirstChartResult> {
  const server = await startReplayServer({ scenario: '2025-09-22-long-flush' });
  const extensionDir = join(process.cwd(), '.build', 'bench-first-chart');
  buildExtension(extensionDir, server.origin);
  try {
    const hoverToChartMs: number[] = [];
    for (let run = 0; run < FIRST_CHART_RUNS; run += 1) {
      hoverToChartMs.push(await oneRun(extensionDir, server.origin));
    }
    return { runs: FIRST_CHART_RUNS, hoverToChartMs };
  } finally {
    server.close();
  }
}
