// `npm run package` for the Chrome Web Store: the zip is the release build with its manifest at
// the root and the version from package.json, and it loads in Chromium as a user's download would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Packages } from '../../build/package';
import { packageInto, unzipInto, zipEntries } from '../packaging';
import { launchWithExtension, openPopup, saveScreenshot } from './harness';

const root = process.cwd();
/** Chrome's install prompt for the release manifest, as the README's permissions review quotes it. */
const CHROME_INSTALL_WARNINGS = [
  'Read and change your data on a number of websites',
  'Display notifications',
];
const workDir = join(root, '.build', 'package-check-chrome');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
let packages: Packages;

beforeAll(() => {
  packages = packageInto(workDir);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the Chrome Web Store package', () => {
  it('is named after, and carries, the version in package.json', () => {
    expect(packages.chromeZip).toMatch(new RegExp(`leverage-lens-${version}-chrome\\.zip$`));
    const entries = zipEntries(packages.chromeZip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest.version).toBe(version);
    expect(manifest.background.service_worker in entries).toBe(true);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('loads in Chromium from the unpacked zip: the worker answers the popup, the prompt is the README’s', async () => {
    const unpacked = mkdtempSync(join(tmpdir(), 'll-chrome-zip-'));
    unzipInto(packages.chromeZip, unpacked);
    const session = await launchWithExtension({ extensionDir: unpacked });
    try {
      const popup = await openPopup(session);
      // The venue list comes from the worker: six venues, none reachable from here.
      await expect.poll(() => popup.locator('[data-venue]').count(), { timeout: 15_000 }).toBe(6);
      expect(await popup.locator('h1').textContent()).toBe('Leverage Lens');
      expect(await popup.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
      // What Chrome's install prompt lists for this manifest.
      const warnings = await popup.evaluate(
        () =>
          new Promise<string[]>((resolve) =>
            chrome.management.getPermissionWarningsByManifest(
              JSON.stringify(chrome.runtime.getManifest()),
              resolve,
            ),
          ),
      );
      expect(warnings).toEqual(CHROME_INSTALL_WARNINGS);
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      for (const warning of warnings) expect(readme).toContain(warning);
      await saveScreenshot(popup, 'package-chrome-zip-popup');
    } finally {
      await session.close();
      rmSync(unpacked, { recursive: true, force: true });
    }
  });
});
