// Builds the extension for one browser into a folder, optionally pointed at the replay server
// (LL_VENUE_ORIGIN, DESIGN.md); an empty origin gives the release build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TargetBrowser } from './manifest.ts';

export function buildExtension(
  outDir: string,
  venueOrigin: string,
  browser: TargetBrowser = 'chrome',
): void {
  const vite = join(process.cwd(), 'node_modules', '.bin', 'vite');
  const mode = browser === 'firefox' ? ['--mode', 'firefox'] : [];
  const result = spawnSync(vite, ['build', ...mode, '--outDir', outDir, '--logLevel', 'warn'], {
    // Always a production build: vitest's NODE_ENV=test would switch preact to its development
    // JSX, which embeds absolute file paths and makes a test build differ from the release.
    env: { ...process.env, NODE_ENV: 'production', LL_VENUE_ORIGIN: venueOrigin },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`${browser} build failed (exit ${result.status})`);
}
