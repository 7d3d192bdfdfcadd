// Launches Debian's Firefox (ESR) headless over WebDriver BiDi (puppeteer-core) with our add-on
// installed temporarily, as about:debugging does, and opens the add-on's own pages.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../build/manifest';

export const RESULTS_DIR = join(process.cwd(), 'test-results');

/** The oldest Firefox whose BiDi can install an add-on (webExtension.install). */
const MIN_BIDI_INSTALL_VERSION = 138;

/** Our moz-extension:// host in the test profile (Firefox otherwise draws one at random). */
const ADDON_UUID = '5f0c2a7e-3d4b-4c1e-9a6f-8b2d7e1c4a90';

export function firefoxPath(): string {
  const path = [process.env.LL_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (candidate) => candidate && existsSync(candidate),
  );
  if (!path)
    throw new Error('Firefox not found: run `npm test`, which installs it, or set LL_FIREFOX');
  return path;
}

export interface FirefoxSession {
  browser: Browser;
  /** What webExtension.install answered: the add-on's id. */
  addonId: string;
  /** `moz-extension://<uuid>/` */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** Starts Firefox headless with a fresh profile and installs the add-on (a folder or a zip). */
export async function launchFirefoxWithAddon(addonPath: string): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets BiDi navigate a tab to the add-on's pages (moz-extension://), as a user can.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: ADDON_UUID }),
    },
  });
  try {
    const major = Number(/\/(\d+)/.exec(await browser.version())?.[1]);
    if (!(major >= MIN_BIDI_INSTALL_VERSION)) {
      throw new Error(
        `${await browser.version()} cannot install add-ons over WebDriver BiDi: Firefox ${MIN_BIDI_INSTALL_VERSION} or later is needed`,
      );
    }
    const addonId = await browser.installExtension(addonPath);
    return {
      browser,
      addonId,
      extensionOrigin: `moz-extension://${ADDON_UUID}/`,
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** puppeteer-core's BiDi session and a page's browsing context id, as its Firefox support names them. */
function bidi(session: FirefoxSession, page: Page) {
  const { connection } = session.browser as unknown as { connection: BidiConnection };
  const { _id: context } = page.mainFrame() as unknown as { _id: string };
  return { connection, context };
}

/**
 * Opens one of the add-on's pages in a new tab. Firefox's BiDi sends no load events for pages of
 * the extension process, so puppeteer's goto() would wait for ever: the navigation goes over the
 * BiDi session itself, whose answer comes once the page is loaded (wait: complete).
 */
export async function openAddonPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  const { connection, context } = bidi(session, page);
  await connection.send('browsingContext.navigate', {
    context,
    url: new URL(path, session.extensionOrigin).href,
    wait: 'complete',
  });
  return page;
}

interface SerializedNode {
  type: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    children?: SerializedNode[];
    shadowRoot?: SerializedNode | null;
  };
}

function textOf(node: SerializedNode | null | undefined): string {
  const value = node?.value;
  if (!value) return '';
  if (value.nodeType === 3) return value.nodeValue ?? '';
  if (value.localName === 'style') return '';
  return [value.shadowRoot, ...(value.children ?? [])].map(textOf).join(' ');
}

/**
 * The text of the first element matching `selector`, closed shadow root included: pages cannot
 * read it, WebDriver BiDi can (serialization with includeShadowTree: all).
 */
export async function closedShadowText(
  session: FirefoxSession,
  page: Page,
  selector: string,
): Promise<string | null> {
  const { connection, context } = bidi(session, page);
  const { result } = (await connection.send('script.callFunction', {
    functionDeclaration: '(selector) => document.querySelector(selector)',
    arguments: [{ type: 'string', value: selector }],
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
  })) as { result: { type: 'success' | 'exception'; result?: SerializedNode } };
  if (result.type !== 'success')
    throw new Error(`could not read ${selector}: ${JSON.stringify(result)}`);
  if (result.result?.type !== 'node') return null;
  return textOf(result.result).replace(/\s+/g, ' ').trim();
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
