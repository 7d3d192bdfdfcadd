// Finds Chromium for the end-to-end tests and the demo. Where it is missing and we are root on a
// Debian-like system, installs Debian's `chromium`; otherwise says how to get it and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function found() {
  return [process.env.LL_CHROMIUM, ...CANDIDATES].find((path) => path && existsSync(path));
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: [0, 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

export function ensureChromium() {
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.error('Chromium is missing: installing Debian’s chromium with apt-get…');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
      const installed = found();
      if (installed) return installed;
    }
  }
  console.error(
    [
      'Chromium was not found, and it could not be installed here.',
      hasApt
        ? 'Install it with: sudo apt-get install chromium'
        : 'Install Chromium with your package manager,',
      'or point LL_CHROMIUM at a Chromium binary (branded Google Chrome no longer loads unpacked',
      'extensions from the command line).',
    ].join('\n'),
  );
  process.exit(1);
}
