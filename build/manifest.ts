// The manifest each build ships, from the one manifest.json: the release for Chrome or Firefox,
// and the LL_VENUE_ORIGIN test variant of either (DESIGN.md).
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from '../manifest.json' with { type: 'json' };
import packageJson from '../package.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

/** AMO ties every published version, and the user's synced storage, to this id: never change it. */
export const FIREFOX_ADDON_ID = 'leverage-lens@leverage-lens';

/**
 * The oldest Firefox that has everything the Firefox build uses: data_collection_permissions
 * (140, which AMO requires of new add-ons), optional_host_permissions (128), host permissions
 * granted at install (127), a module event page (112), MV3 action and host_permissions (109),
 * scripting.registerContentScripts (102). 140 is also the oldest Firefox ESR still supported.
 */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android reads data_collection_permissions from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** vite's --mode picks the browser: `vite build --mode firefox`; any other mode builds Chrome. */
export function browserForMode(mode: string): TargetBrowser {
  return mode === 'firefox' ? 'firefox' : 'chrome';
}

type Manifest = typeof baseManifest & { version: string } & Record<string, unknown>;

/** Firefox has no extension service workers: the same module runs as an event page. */
function forFirefox(manifest: Manifest): Manifest {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Everything the add-on computes stays in the browser: no data leaves it for us.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  } as unknown as Manifest;
}

/** Test builds may reach the replay server and run on loopback pages; releases never. */
function withVenueOrigin(manifest: Manifest, origin: string): Manifest {
  const loopbackPages = ['http://127.0.0.1/*', 'http://localhost/*'];
  return {
    ...manifest,
    host_permissions: [...manifest.host_permissions, `${origin}/*`],
    content_scripts: manifest.content_scripts.map((script) => ({
      ...script,
      matches: [...script.matches, ...loopbackPages],
    })),
  };
}

export function manifestFor(browser: TargetBrowser, origin: string): ManifestV3Export {
  // The version has one home, package.json.
  const release: Manifest = { ...baseManifest, version: packageJson.version };
  const forBrowser = browser === 'firefox' ? forFirefox(release) : release;
  return (origin ? withVenueOrigin(forBrowser, origin) : forBrowser) as ManifestV3Export;
}
