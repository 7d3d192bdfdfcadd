// "Enable on this site" as a user does it, on a site outside the curated list: open the popup over
// the page with the keyboard shortcut (which grants activeTab, so the popup knows the page's
// site), press the button, accept Chrome's permission dialog; the content script is registered,
// badges the page after a reload, and is still registered after a browser restart.
//
// Chrome's permission dialog is browser UI: the DevTools protocol cannot reach it, and headless
// Chromium never shows it (the request stays pending). So this test runs Chromium headed on a
// virtual X display (Xvfb) and answers the dialog with real key presses (xdotool); where either
// is missing it is skipped, and says so.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionSession, saveScreenshot } from './harness';
import { useExtensionSession } from './session';

const origin = inject('replayOrigin');
const port = new URL(origin).port;
/** A site outside the curated list, served by the replay server through a host mapping. */
const SITE = 'http://news.example';
const articleUrl = `${SITE}:${port}/pages/article.html`;
const hostMapping = '--host-resolver-rules=MAP news.example 127.0.0.1';

const has = (tool: string) => spawnSync('which', [tool]).status === 0;
const missing = ['Xvfb', 'xdotool'].filter((tool) => !has(tool));

let xvfb: ChildProcess | null = null;

async function startXvfb(): Promise<string> {
  const display = 90 + (process.pid % 50);
  xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${display}`)) {
    if (Date.now() > deadline) throw new Error('Xvfb did not start within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return `:${display}`;
}

const keys = (...sequence: string[]) =>
  execFileSync('xdotool', ['key', '--delay', '300', ...sequence], { env: process.env });

const badgeCount = (page: Page) => page.locator('ll-badge').count();

/** The match patterns of the content scripts registered at run time, asked from the worker. */
async function registeredMatches(session: ExtensionSession): Promise<string[]> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) return [];
  return worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap(
      (script) => script.matches ?? [],
    ),
  );
}

/**
 * A DevTools session on the extension's open popup: evaluations there run with a user gesture,
 * as a click does (the permission request needs one).
 */
async function attachToPopup(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const deadline = Date.now() + 15_000;
  let targetId: string | undefined;
  while (!targetId) {
    if (Date.now() > deadline) throw new Error('the popup did not open within 15 s');
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((info) => info.url.endsWith('/src/popup/index.html'))?.targetId;
    if (!targetId) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  return {
    async evaluate(expression: string): Promise<unknown> {
      const id = nextId++;
      const answered = new Promise((resolve) => pending.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, userGesture: true, returnByValue: true, awaitPromise: false },
        }),
      });
      const result = (await answered) as { result?: { value?: unknown } };
      return result.result?.value;
    },
  };
}

describe.skipIf(missing.length > 0)(
  `enable on this site (needs ${missing.join(', ') || 'Xvfb, xdotool'})`,
  () => {
    // After hooks unwind as a stack: registered before the browser's, this one runs after it,
    // so the display goes only once the browser on it has closed.
    afterAll(() => xvfb?.kill());
    const browser = useExtensionSession('file');
    beforeAll(async () => {
      process.env.DISPLAY = await startXvfb();
      await browser.launch('calm', { headless: false, extraArgs: [hostMapping] });
    });

    it('asks for the site, registers the script, and keeps it across a restart', async () => {
      const session = browser.current;
      const page = session.context.pages()[0] ?? (await session.context.newPage());
      await page.goto(articleUrl);
      await page.waitForTimeout(2_000);
      expect(await badgeCount(page)).toBe(0);

      await page.bringToFront();
      keys('alt+shift+l');
      // The popup over the page (a real one, so it has activeTab for the page): Playwright does not
      // attach to extension popups, the DevTools protocol does.
      const popup = await attachToPopup(page);
      await expect
        .poll(() => popup.evaluate(`document.body.innerText.includes('Enable on this site')`), {
          timeout: 15_000,
        })
        .toBe(true);
      await popup.evaluate(
        `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Enable on this site').click()`,
      );
      // The dialog's buttons, reached from its initial focus: "Allow" is the third stop.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      keys('Tab', 'Tab', 'Tab', 'space');

      await expect
        .poll(() => registeredMatches(session), { timeout: 15_000 })
        .toEqual([`${SITE}/*`]);

      await page.reload();
      await page.locator('#lead ll-badge').waitFor({ timeout: 15_000 });
      await saveScreenshot(page, 'enable-site-badges');

      // A browser restart: the same profile; once the extension is up, the script is registered
      // (kept by Chrome, or registered again by the worker from the stored sites and permissions)
      // and the page is badged.
      const restarted = await browser.restart();
      await expect
        .poll(() => registeredMatches(restarted), { timeout: 15_000 })
        .toEqual([`${SITE}/*`]);
      const again = restarted.context.pages()[0] ?? (await restarted.context.newPage());
      await again.goto(articleUrl);
      await again.locator('#lead ll-badge').waitFor({ timeout: 20_000 });
    });
  },
);
