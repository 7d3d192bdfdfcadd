// Finds Firefox for the Firefox smoke test, installing Debian's `firefox-esr` when it is missing
// and we may (see ensure-browser.mjs).
import { ensureBrowser } from './ensure-browser.mjs';

export function ensureFirefox() {
  return ensureBrowser({
    label: 'Firefox',
    envVar: 'LL_FIREFOX',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    aptPackage: 'firefox-esr',
    // The smoke test installs the add-on over WebDriver BiDi (webExtension.install, Firefox 138+).
    advice: 'a Firefox 140 or later',
  });
}
