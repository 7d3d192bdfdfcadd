// Finds a browser the tests and the demo drive. Where it is missing and we are root on a
// Debian-like system, installs Debian's package with apt-get; otherwise says how to get it and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: [0, 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * @param {{ label: string, envVar: string, candidates: string[], aptPackage: string, advice: string }} browser
 * @returns {string} the browser's executable
 */
export function ensureBrowser({ label, envVar, candidates, aptPackage, advice }) {
  const found = () => [process.env[envVar], ...candidates].find((path) => path && existsSync(path));
  const existing = found();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.error(`${label} is missing: installing Debian’s ${aptPackage} with apt-get…`);
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', aptPackage])) {
      const installed = found();
      if (installed) return installed;
    }
  }
  console.error(
    [
      `${label} was not found, and it could not be installed here.`,
      hasApt
        ? `Install it with: sudo apt-get install ${aptPackage}`
        : `Install ${label} with your package manager,`,
      `or point ${envVar} at ${advice}.`,
    ].join('\n'),
  );
  process.exit(1);
}
