// One manifest.json, two browsers: Chrome's release is the file as written, Firefox's differs only
// where Firefox needs it to (event page, add-on id, minimum version).
import { describe, expect, it } from 'vitest';
import {
  browserForMode,
  FIREFOX_ADDON_ID,
  FIREFOX_MIN_VERSION,
  manifestFor,
} from '../../../build/manifest';
import baseManifest from '../../../manifest.json' with { type: 'json' };
import packageJson from '../../../package.json' with { type: 'json' };

type Json = Record<string, unknown> & typeof baseManifest;
const chrome = manifestFor('chrome', '') as unknown as Json;
const firefox = manifestFor('firefox', '') as unknown as Json;
const ORIGIN = 'http://127.0.0.1:9400';

describe('the Chrome release manifest', () => {
  it('is manifest.json with the version from package.json, nothing else', () => {
    expect(chrome).toEqual({ ...baseManifest, version: packageJson.version });
  });
});

describe('the Firefox release manifest', () => {
  it('runs the same background module as an event page', () => {
    expect(firefox.background).toEqual({
      scripts: [baseManifest.background.service_worker],
      type: 'module',
    });
  });

  it('names the add-on, its minimum Firefox, and that it collects no data', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(FIREFOX_ADDON_ID).toMatch(/^[a-zA-Z0-9-._]+@[a-zA-Z0-9-._]+$/);
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('asks for exactly what Chrome’s asks for, and runs on the same pages', () => {
    const { background: _ffBackground, browser_specific_settings: _gecko, ...ffRest } = firefox;
    const { background: _background, minimum_chrome_version: _min, ...chromeRest } = chrome;
    expect(ffRest).toEqual(chromeRest);
  });
});

describe('test builds (LL_VENUE_ORIGIN)', () => {
  it.each(['chrome', 'firefox'] as const)(
    'the %s test build may reach the replay server and runs on loopback pages',
    (browser) => {
      const manifest = manifestFor(browser, ORIGIN) as unknown as Json;
      expect(manifest.host_permissions).toEqual([...baseManifest.host_permissions, `${ORIGIN}/*`]);
      for (const script of manifest.content_scripts) {
        expect(script.matches).toEqual(
          expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']),
        );
      }
    },
  );

  it('a release has no loopback origin for either browser', () => {
    expect(JSON.stringify([chrome, firefox])).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});

describe('browserForMode', () => {
  it('builds Firefox only for --mode firefox', () => {
    expect(browserForMode('firefox')).toBe('firefox');
    expect(browserForMode('production')).toBe('chrome');
    expect(browserForMode('development')).toBe('chrome');
  });
});
