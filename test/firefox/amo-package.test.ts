// `npm run package` for addons.mozilla.org: the Firefox zip passes web-ext lint (AMO's linter)
// with no error and only the warnings the README explains, installs in Firefox, and the source zip
// rebuilds it byte for byte, as an AMO reviewer would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, FIREFOX_MIN_VERSION } from '../../build/manifest';
import { filesUnder, type Packages } from '../../build/package';
import { packageInto, unzipInto, zipEntries } from '../packaging';
import { launchFirefoxWithAddon, openAddonPage } from './firefox';

const root = process.cwd();
const workDir = join(root, '.build', 'package-check-firefox');
let packages: Packages;

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

/**
 * The warnings that remain, each explained in the README: both are in libraries' code, and
 * neither path runs in the add-on.
 */
const EXPLAINED_WARNINGS = [
  // preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which we never use.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^assets\/index\.html-[\w-]+\.js$/ },
  // zod probes `new Function('')` once; the extension's CSP refuses it and zod parses without.
  { code: 'DANGEROUS_EVAL', file: /^assets\/schemas-[\w-]+\.js$/ },
];

function webExtLint(sourceDir: string): LintReport {
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
  );
  if (!result.stdout.trim()) throw new Error(`web-ext lint printed nothing: ${result.stderr}`);
  return JSON.parse(result.stdout) as LintReport;
}

beforeAll(() => {
  packages = packageInto(workDir);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the AMO package', () => {
  it('passes web-ext lint with no error, and only the warnings the README explains', () => {
    const report = webExtLint(packages.firefoxDir);
    expect(report.errors).toEqual([]);
    expect(report.summary.notices).toBe(0);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const warning of report.warnings) {
      const explained = EXPLAINED_WARNINGS.find(
        (known) => known.code === warning.code && known.file.test(warning.file ?? ''),
      );
      expect(explained, `${warning.code} in ${warning.file}: ${warning.message}`).toBeDefined();
      expect(readme).toContain(warning.code);
    }
  });

  it('is the release manifest for Firefox, version from package.json', () => {
    const entries = zipEntries(packages.firefoxZip);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(packages.firefoxZip).toMatch(
      new RegExp(`leverage-lens-${packages.version}-firefox\\.zip$`),
    );
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(manifest.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background.scripts[0] in entries).toBe(true);
    expect(manifest.background).not.toHaveProperty('service_worker');
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('installs in Firefox, whose background then answers the popup', async () => {
    const session = await launchFirefoxWithAddon(packages.firefoxZip);
    try {
      expect(session.addonId).toBe(FIREFOX_ADDON_ID);
      const popup = await openAddonPage(session, 'src/popup/index.html');
      // The venue list comes from the background: six venues, none reachable from here.
      await popup.waitForFunction(() => document.querySelectorAll('[data-venue]').length === 6, {
        timeout: 15_000,
      });
      expect(await popup.$eval('h1', (node) => node.textContent)).toBe('Leverage Lens');
    } finally {
      await session.close();
    }
  });

  it('is rebuilt byte for byte from the source zip', () => {
    const sourceDir = mkdtempSync(join(tmpdir(), 'll-amo-source-'));
    try {
      const source = unzipInto(packages.sourceZip, sourceDir);
      expect(Object.keys(source)).toEqual(
        expect.arrayContaining(['package.json', 'package-lock.json', 'README.md', 'manifest.json']),
      );
      expect(
        Object.keys(source).filter((file) => /^(node_modules|dist|\.build)\//.test(file)),
      ).toEqual([]);
      // What `npm ci` would install, without fetching it again.
      symlinkSync(join(root, 'node_modules'), join(sourceDir, 'node_modules'));
      // The reviewer's command, in a shell without our test run's NODE_ENV or LL_VENUE_ORIGIN.
      const { NODE_ENV: _test, LL_VENUE_ORIGIN: _origin, ...shellEnv } = process.env;
      const rebuilt = spawnSync('npm', ['run', '-s', 'build:firefox'], {
        cwd: sourceDir,
        encoding: 'utf8',
        env: shellEnv,
      });
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
      const shipped = zipEntries(packages.firefoxZip);
      const rebuiltDir = join(sourceDir, 'dist-firefox');
      expect(filesUnder(rebuiltDir)).toEqual(Object.keys(shipped).sort());
      for (const [file, bytes] of Object.entries(shipped)) {
        expect(readFileSync(join(rebuiltDir, file)).equals(bytes), file).toBe(true);
      }
    } finally {
      rmSync(sourceDir, { recursive: true, force: true });
    }
  });
});
