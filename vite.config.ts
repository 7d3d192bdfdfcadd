import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

/**
 * LL_VENUE_ORIGIN (DESIGN.md): a test build sends all venue traffic to the replay server at this
 * origin, may talk to it, and runs the content script on loopback pages. Releases have none of it.
 */
function venueOrigin(): string {
  const raw = process.env.LL_VENUE_ORIGIN?.trim();
  if (!raw) return '';
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`LL_VENUE_ORIGIN must be an http(s) origin, got ${raw}`);
  }
  return url.origin;
}

function manifestFor(origin: string): ManifestV3Export {
  // The version has one home, package.json.
  const release = { ...baseManifest, version: packageJson.version };
  if (!origin) return release as ManifestV3Export;
  const loopbackPages = ['http://127.0.0.1/*', 'http://localhost/*'];
  return {
    ...release,
    host_permissions: [...baseManifest.host_permissions, `${origin}/*`],
    content_scripts: baseManifest.content_scripts.map((script) => ({
      ...script,
      matches: [...script.matches, ...loopbackPages],
    })),
  } as ManifestV3Export;
}

const origin = venueOrigin();

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(origin) })],
  define: { __LL_VENUE_ORIGIN__: JSON.stringify(origin) },
  build: { target: 'chrome116', emptyOutDir: true, sourcemap: false },
  legacy: { skipWebSocketTokenCheck: true },
});
