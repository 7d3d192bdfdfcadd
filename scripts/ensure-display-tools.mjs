// The one end-to-end test that must answer Chrome's permission dialog ("Enable on this site") runs
// Chromium on a virtual display (Xvfb) and presses keys with xdotool. Installed like the browsers
// where we may; where not, that test is skipped and says why, and the rest runs.
import { existsSync } from 'node:fs';
import { aptInstall } from './ensure-browser.mjs';

const TOOLS = [
  { label: 'Xvfb', binary: '/usr/bin/Xvfb', aptPackage: 'xvfb' },
  { label: 'xdotool', binary: '/usr/bin/xdotool', aptPackage: 'xdotool' },
];

export function ensureDisplayTools() {
  for (const { label, binary, aptPackage } of TOOLS) {
    if (existsSync(binary) || aptInstall(label, aptPackage)) continue;
    console.error(`${label} is missing (apt-get install ${aptPackage}): one e2e test will skip.`);
  }
}
