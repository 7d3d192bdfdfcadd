// Launches Chromium with the built extension and gives tests what a user has: pages, the popup,
// and the means to stop the service worker as Chrome does when it is idle. Test files open their
// browser through session.ts (useExtensionSession), which also closes it for them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import { expect } from 'vitest';
import type { StatusAnswer } from '../../src/messages';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium';

export const RESULTS_DIR = join(process.cwd(), 'test-results');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Closes the browser; keeps the profile when `keepProfile` is set (to restart with it). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Reuse a profile, as a browser restart does. A fresh one by default. */
  userDataDir?: string;
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /**
   * The browser's own UI language, which chrome.i18n follows (e.g. 'zh_CN'). On Linux Chromium
   * takes it from the LANGUAGE environment variable; `locale` only sets what pages are told.
   */
  uiLanguage?: string;
  /** More environment for the browser (e.g. FONTCONFIG_FILE). */
  env?: Record<string, string>;
  /** Another Chromium binary (one that has the UI language's locale pack, see chromium-locale.ts). */
  executablePath?: string;
  /** More Chromium flags (e.g. --host-resolver-rules to give a local page another site). */
  extraArgs?: string[];
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'll-profile-'));
  const configHome = mkdtempSync(join(tmpdir(), 'll-xdg-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...(options.extraArgs ?? []),
    ],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: configHome,
      ...(options.uiLanguage ? { LANGUAGE: options.uiLanguage } : {}),
      ...options.env,
    },
  });
  const worker = await serviceWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      rmSync(configHome, { recursive: true, force: true });
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }))
  );
}

export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
  return page;
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chrome does after 30 s
 * idle, and waits until it is gone. (Target.closeTarget reports success but leaves it running.)
 */
export async function stopServiceWorker(session: ExtensionSession): Promise<void> {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  const cdp = await session.context.newCDPSession(page);
  const isRunning = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some(
      (info) =>
        info.type === 'service_worker' &&
        info.url.startsWith(`chrome-extension://${session.extensionId}/`),
    );
  };
  if (!(await isRunning())) throw new Error('the extension has no running service worker to stop');
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (await isRunning()) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await cdp.detach();
}

/**
 * Clicks the popup's Refresh until every live venue has been polled since `since`: a venue polled
 * too recently for a Refresh to ask it again would otherwise still hold an older state.
 */
export async function refreshUntilPolledSince(
  popup: Page,
  since: number,
  { label = 'Refresh', timeout = 20_000 }: { label?: string; timeout?: number } = {},
): Promise<void> {
  await expect
    .poll(
      async () => {
        await popup.getByRole('button', { name: label }).click();
        const { venues } = (await popup.evaluate(() =>
          chrome.runtime.sendMessage({ type: 'getStatus' }),
        )) as StatusAnswer;
        const live = venues.filter((v) => v.state === 'live');
        return live.length > 0 && live.every((v) => (v.lastSuccessAt ?? 0) >= since);
      },
      { timeout, interval: 2_000 },
    )
    .toBe(true);
}

/** An overlay's box once it has stopped moving: it is placed again each time it grows. */
export async function settledBox(
  locator: Locator,
): Promise<NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>> {
  let box = await locator.boundingBox();
  await expect
    .poll(async () => {
      const previous = box;
      await new Promise((resolve) => setTimeout(resolve, 100));
      box = await locator.boundingBox();
      return box !== null && JSON.stringify(box) === JSON.stringify(previous);
    })
    .toBe(true);
  if (!box) throw new Error('no layout');
  return box;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

interface DomNode {
  localName?: string;
  nodeType: number;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The first `tag` element with its subtree, closed shadow roots included (read through CDP). */
async function closedShadowHost(page: Page, tag: string): Promise<DomNode | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const find = (node: DomNode): DomNode | null => {
      if (node.localName === tag) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    return find(root);
  } finally {
    await cdp.detach();
  }
}

/**
 * The text inside the closed shadow root of the first `tag` element: pages cannot read it, the
 * DevTools protocol (and so a test) can.
 */
export async function closedShadowText(page: Page, tag: string): Promise<string | null> {
  const text = (node: DomNode): string => {
    if (node.nodeType === 3) return node.nodeValue ?? '';
    if (node.localName === 'style') return '';
    return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join(' ');
  };
  const host = await closedShadowHost(page, tag);
  return host ? text(host).replace(/\s+/g, ' ').trim() : null;
}

/** How many `child` elements the first `tag` element holds, its closed shadow root included. */
export async function closedShadowCount(page: Page, tag: string, child: string): Promise<number> {
  const count = (node: DomNode): number =>
    (node.localName === child ? 1 : 0) +
    [...(node.shadowRoots ?? []), ...(node.children ?? [])].reduce((n, c) => n + count(c), 0);
  const host = await closedShadowHost(page, tag);
  return host ? count(host) : 0;
}
