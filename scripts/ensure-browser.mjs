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
 * Installs a Debian package when we are root with apt-get; true when it installed.
 * @param {string} label @param {string} aptPackage
 */
export function aptInstall(label, aptPackage) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  console.error(`${label} is missing: installing Debian’s ${aptPackage} with apt-get…`);
  return run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', aptPackage]);
}

/**
 * @param {{ label: string, envVar: string, candidates: string[], aptPackage: string, advice: string }} browser
 * @returns {string} the browser's executable
 */
export function ensureBrowser({ label, envVar, candidates, aptPackage, advice }) {
  const found = () => [process.env[envVar], ...candidates].find((path) => path && existsSync(path));
  const existing = found();
  if (existing) return existing;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (aptInstall(label, aptPackage)) {
    const installed = found();
    if (installed) return installed;
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
