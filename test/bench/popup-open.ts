// The popup's time from open to figures, in real Chromium (Debian's, headless) with the test build
// against the replay server. A MutationObserver installed before the popup's own script records,
// on the page's clock (0 = navigation start), when the market's open interest figure first shows
// and when the live figures replace the cached ones.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension } from '../e2e/build';
import {
  type ExtensionSession,
  launchWithExtension,
  openPopup,
  stopServiceWorker,
} from '../e2e/harness';
import { startReplayServer } from '../replay/server';

export const POPUP_OPENS = { warm: 20, coldWorker: 8 };
export const POPUP_GOAL_MS = 100;

interface Marks {
  /** The market figure is on screen (from the cache or live). */
  figures: number;
  /** Live figures are on screen (no cached banner left). */
  live: number;
  /** The first figures came from the cache. */
  fromCache: boolean;
  /** The popup's HTML was parsed (before its script ran): the part the popup's code cannot shorten. */
  htmlParsed: number;
}

export interface OpenStats {
  opens: number;
  fromCache: number;
  htmlParsedMs: { median: number; p95: number; max: number };
  figuresMs: { median: number; p95: number; max: number };
  liveMs: { median: number; p95: number; max: number };
}

export interface PopupOpenResult {
  chromium: string;
  firstOpenNoCache: Marks;
  warm: OpenStats;
  coldWorker: OpenStats;
}

// A string, not a function: tsx would wrap a function's source in helpers the page does not have.
const RECORD_MARKS = `
  const marks = {};
  window.llMarks = marks;
  const check = () => {
    const figure = document.querySelector('[data-testid="market-oi"]');
    if (!figure) return;
    const cached = document.querySelector('[data-testid="cached"]') !== null;
    if (marks.figures === undefined) {
      marks.figures = performance.now();
      marks.fromCache = cached;
      marks.htmlParsed = performance.getEntriesByType('navigation')[0]?.domInteractive ?? null;
    }
    if (!cached && marks.live === undefined) marks.live = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function openOnce(session: ExtensionSession): Promise<Marks> {
  const page: Page = await openPopup(session);
  await page.waitForFunction(
    () => (window as unknown as { llMarks: Partial<Marks> }).llMarks.live !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const marks = await page.evaluate(() => (window as unknown as { llMarks: Marks }).llMarks);
  // Let the popup save what it shows before it closes, as a user's popup would stay open.
  await page.waitForTimeout(300);
  await page.close();
  return marks;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function stats(all: Marks[]): OpenStats {
  return {
    opens: all.length,
    fromCache: all.filter((marks) => marks.fromCache).length,
    htmlParsedMs: summary(all.map((marks) => marks.htmlParsed)),
    figuresMs: summary(all.map((marks) => marks.figures)),
    liveMs: summary(all.map((marks) => marks.live)),
  };
}

export async function measurePopupOpen(): Promise<PopupOpenResult> {
  const server = await startReplayServer({ scenario: 'calm' });
  const extensionDir = join(process.cwd(), '.build', 'bench-popup');
  buildExtension(extensionDir, server.origin);
  const session = await launchWithExtension({ extensionDir });
  try {
    await session.context.addInitScript({ content: RECORD_MARKS });
    const chromium = session.context.browser()?.version() ?? 'unknown';
    const firstOpenNoCache = await openOnce(session);
    const warm: Marks[] = [];
    for (let i = 0; i < POPUP_OPENS.warm; i += 1) warm.push(await openOnce(session));
    const coldWorker: Marks[] = [];
    for (let i = 0; i < POPUP_OPENS.coldWorker; i += 1) {
      await stopServiceWorker(session);
      coldWorker.push(await openOnce(session));
    }
    return { chromium, firstOpenNoCache, warm: stats(warm), coldWorker: stats(coldWorker) };
  } finally {
    await session.close();
    server.close();
  }
}
