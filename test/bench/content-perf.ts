// The content script's cost to the page, measured in real Chromium (Debian's, headless, the test
// build against the replay server) with the DevTools protocol's trace:
// - a news article with 1 MB of text (the labelled corpus's paragraphs, repeated): the main-thread
//   time our script takes at load (it reads only what is within a screen of the viewport), and its
//   longest task; then the cost of scrolling through the whole article, one screen per two frames,
//   until every block has been read;
// - an infinite feed that adds 1,000 paragraphs a second for 10 s: our share of the main thread.
// "Our time" is the time spent in calls into the extension's own code (the trace's FunctionCall,
// EvaluateScript and module-evaluation events whose script comes from chrome-extension://), the
// DOM work they do included; nested calls are counted once. A task is ours when it holds such a
// call; its whole length is counted for the longest task (an upper bound where a page task also
// runs our MutationObserver callback). Layout and paint that badges cause later are the page's.
// The browser's intersection checks for our IntersectionObserver are not calls into our code:
// they are reported on their own (the trace's computeIntersections events; the bench pages have
// no observer of their own).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildExtension } from '../e2e/build';
import { launchWithExtension } from '../e2e/harness';
import { startReplayServer } from '../replay/server';
import { readCorpus } from './detection';

export const ARTICLE_TEXT_BYTES = 1_000_000;
export const FEED_PARAGRAPHS_PER_S = 1_000;
export const FEED_SECONDS = 10;

/** Our main-thread cost over one traced stretch. */
export interface MainThreadCost {
  ourMainThreadMs: number;
  ourTasks: number;
  longestTaskMs: number;
  /** Our own time within that task or any other: what our code alone held the thread. */
  longestOursWithinTaskMs: number;
  tasksOver50Ms: number;
  /** The browser's intersection checks (for our IntersectionObserver), not counted above. */
  intersectionChecksMs: number;
}

export interface ContentPerfResult {
  article: {
    textChars: number;
    blocks: number;
    atLoad: MainThreadCost & { badges: number };
    scrollThrough: MainThreadCost & {
      screens: number;
      wallMs: number;
      /** Every badge on the page after the whole article was scrolled through. */
      badges: number;
    };
  };
  feed: MainThreadCost & {
    paragraphsAdded: number;
    badges: number;
    wallMs: number;
    ourSharePct: number;
  };
  chromium: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; url?: string; name?: string };
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function articleHtml(): { html: string; chars: number; blocks: number } {
  const paragraphs = readCorpus().map((paragraph) => paragraph.text.replaceAll('\n', ' '));
  const body: string[] = [];
  let chars = 0;
  for (let i = 0; chars < ARTICLE_TEXT_BYTES; i++) {
    const text = paragraphs[i % paragraphs.length] ?? '';
    body.push(`<p>${escapeHtml(text)}</p>`);
    chars += text.length;
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long article</title></head><body><article>${body.join('\n')}</article></body></html>`;
  return { html, chars, blocks: body.length };
}

function feedHtml(): string {
  const paragraphs = readCorpus()
    .slice(0, 200)
    .map((paragraph) => paragraph.text.replaceAll('\n', ' '));
  const perTick = FEED_PARAGRAPHS_PER_S / 20;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title></head><body><main id="feed"></main>
<script>
  const POOL = ${JSON.stringify(paragraphs)};
  let added = 0;
  window.startFeed = (seconds) => new Promise((resolve) => {
    const started = performance.now();
    const timer = setInterval(() => {
      const feed = document.getElementById('feed');
      for (let i = 0; i < ${perTick}; i++) {
        const p = document.createElement('p');
        p.textContent = POOL[added++ % POOL.length];
        feed.append(p);
      }
      if (performance.now() - started >= seconds * 1000) {
        clearInterval(timer);
        resolve({ added, wallMs: performance.now() - started });
      }
    }, 50);
  });
</script></body></html>`;
}

async function startTrace(cdp: CDPSession) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
      ],
    },
  });
}

async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('the trace came back without a stream');
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const OUR_CALLS = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.run']);

function ourUrl(event: TraceEvent): boolean {
  const url = event.args?.data?.url ?? event.args?.url ?? event.args?.name ?? '';
  return url.startsWith('chrome-extension://');
}

const INTERSECTION_CHECKS = 'IntersectionObserverController::computeIntersections';

/** Our main-thread time and tasks within a trace (see the header for what counts). */
function analyse(events: TraceEvent[]): MainThreadCost {
  const calls = events
    .filter((event) => event.ph === 'X' && OUR_CALLS.has(event.name) && ourUrl(event))
    .sort((a, b) => a.ts - b.ts);
  const [first] = calls;
  if (!first)
    return {
      ourMainThreadMs: 0,
      ourTasks: 0,
      longestTaskMs: 0,
      longestOursWithinTaskMs: 0,
      tasksOver50Ms: 0,
      intersectionChecksMs: 0,
    };
  const sameThread = (event: TraceEvent) => event.pid === first.pid && event.tid === first.tid;
  const checks = events.filter(
    (event) => event.ph === 'X' && event.name === INTERSECTION_CHECKS && sameThread(event),
  );
  const mine = calls.filter(sameThread);
  const ourUs = coveredUs(mine);
  const tasks = events.filter(
    (event) => event.ph === 'X' && event.name === 'RunTask' && sameThread(event),
  );
  const ours = tasks.flatMap((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = mine.filter((call) => call.ts >= task.ts && call.ts < end);
    return inside.length > 0
      ? [{ ms: (task.dur ?? 0) / 1000, ourMs: coveredUs(inside) / 1000 }]
      : [];
  });
  const lengths = ours.map((task) => task.ms);
  return {
    ourMainThreadMs: ourUs / 1000,
    ourTasks: ours.length,
    longestTaskMs: Math.max(0, ...lengths),
    longestOursWithinTaskMs: Math.max(0, ...ours.map((task) => task.ourMs)),
    tasksOver50Ms: lengths.filter((ms) => ms > 50).length,
    intersectionChecksMs: coveredUs(checks.sort((a, b) => a.ts - b.ts)) / 1000,
  };
}

/** The time a sorted list of calls covers, nested or overlapping calls counted once. */
function coveredUs(calls: readonly TraceEvent[]): number {
  let total = 0;
  let coveredUntil = -1;
  for (const call of calls) {
    const end = call.ts + (call.dur ?? 0);
    if (call.ts >= coveredUntil) total += call.dur ?? 0;
    else if (end > coveredUntil) total += end - coveredUntil;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total;
}

async function waitForStableBadges(page: Page, quietMs = 2_000, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const count = await page.evaluate(() => document.querySelectorAll('ll-badge').length);
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (count > 0 && Date.now() - stableSince >= quietMs) return count;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`badges did not settle within ${timeoutMs / 1000} s (last count ${last})`);
}

/** Scrolls the page one screen per two frames to its end; the screens scrolled and the time. */
function scrollThrough(page: Page): Promise<{ screens: number; wallMs: number }> {
  return page.evaluate(async () => {
    const started = performance.now();
    let screens = 0;
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, window.innerHeight);
      screens += 1;
      // Inline, not a named helper: the TypeScript runner would wrap a helper in its own __name().
      for (let frames = 0; frames < 2; frames++)
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return { screens, wallMs: performance.now() - started };
  });
}

export async function measureContentPerf(): Promise<ContentPerfResult> {
  const server = await startReplayServer({ scenario: 'calm' });
  const extensionDir = mkdtempSync(join(tmpdir(), 'll-bench-ext-'));
  buildExtension(extensionDir, server.origin);
  const session = await launchWithExtension({ extensionDir });
  try {
    // Let the worker fetch its first figures, so that badges are not waiting for data.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const article = articleHtml();
    const feed = feedHtml();
    await session.context.route(`${server.origin}/bench/**`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: route.request().url().endsWith('article.html') ? article.html : feed,
      }),
    );

    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await startTrace(cdp);
    await page.goto(`${server.origin}/bench/article.html`);
    const badgesAtLoad = await waitForStableBadges(page);
    const atLoad = analyse(await stopTrace(cdp));
    await startTrace(cdp);
    const scrolled = await scrollThrough(page);
    const badgesScrolled = await waitForStableBadges(page);
    const scrollTrace = analyse(await stopTrace(cdp));
    await page.close();

    const feedPage = await session.context.newPage();
    const feedCdp = await session.context.newCDPSession(feedPage);
    await feedPage.goto(`${server.origin}/bench/feed.html`);
    // The script is in: the feed's first nodes are not mistaken for start-up.
    await feedPage.waitForTimeout(1_000);
    await startTrace(feedCdp);
    const run = await feedPage.evaluate(
      (seconds) =>
        (
          window as unknown as {
            startFeed(s: number): Promise<{ added: number; wallMs: number }>;
          }
        ).startFeed(seconds),
      FEED_SECONDS,
    );
    const feedCost = analyse(await stopTrace(feedCdp));
    const feedBadges = await feedPage.evaluate(() => document.querySelectorAll('ll-badge').length);
    await feedPage.close();

    return {
      article: {
        textChars: article.chars,
        blocks: article.blocks,
        atLoad: { ...atLoad, badges: badgesAtLoad },
        scrollThrough: { ...scrollTrace, ...scrolled, badges: badgesScrolled },
      },
      feed: {
        ...feedCost,
        paragraphsAdded: run.added,
        badges: feedBadges,
        wallMs: run.wallMs,
        ourSharePct: (feedCost.ourMainThreadMs / run.wallMs) * 100,
      },
      chromium: session.context.browser()?.version() ?? 'Chromium (persistent context)',
    };
  } finally {
    await session.close();
    await server.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
