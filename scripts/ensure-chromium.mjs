// Finds Chromium for the end-to-end tests and the demo, installing Debian's `chromium` when it is
// missing and we may (see ensure-browser.mjs).
import { ensureBrowser } from './ensure-browser.mjs';

export function ensureChromium() {
  return ensureBrowser({
    label: 'Chromium',
    envVar: 'LL_CHROMIUM',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    aptPackage: 'chromium',
    // Branded Google Chrome no longer loads unpacked extensions from the command line.
    advice: 'a Chromium binary (not branded Google Chrome)',
  });
}
