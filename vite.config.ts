import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { browserForMode, manifestFor } from './build/manifest.ts';

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

const origin = venueOrigin();

// `vite build` builds Chrome into dist/; `vite build --mode firefox` builds Firefox into
// dist-firefox/ from the same source.
export default defineConfig(({ mode }) => {
  const browser = browserForMode(mode);
  return {
    plugins: [preact(), crx({ manifest: manifestFor(browser, origin), browser })],
    define: { __LL_VENUE_ORIGIN__: JSON.stringify(origin) },
    build: {
      target: browser === 'firefox' ? 'firefox140' : 'chrome116',
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        output: {
          // The worker's chunk refers to the content script it registers through a placeholder
          // that @crxjs derives from the absolute path, and the chunk's hash is computed before
          // the placeholder is replaced: a fixed name keeps builds in any folder byte-identical.
          // (@crxjs emits its entries as chunks: they are named here, not by entryFileNames.)
          chunkFileNames: (chunk: { facadeModuleId: string | null }) =>
            chunk.facadeModuleId?.endsWith('/src/background/index.ts')
              ? 'assets/background.js'
              : 'assets/[name]-[hash].js',
        },
      },
    },
    legacy: { skipWebSocketTokenCheck: true },
  };
});
