// Finds Debian's Chromium (or the one named by LL_CHROMIUM). Installing it is the job of
// scripts/ensure-chromium.mjs, which `npm test` and `npm run demo` run first.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const path = [process.env.LL_CHROMIUM, ...CANDIDATES].find(
    (candidate) => candidate && existsSync(candidate),
  );
  if (!path)
    throw new Error('Chromium not found: run `npm test`, which installs it, or set LL_CHROMIUM');
  return path;
}

/** Flags that make Chromium work in this closed network and leave nothing behind. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
