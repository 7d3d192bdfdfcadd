// Installs the npm dependencies when node_modules is missing or older than package-lock.json,
// so that a fresh clone needs no step before `npm test` or `npm run demo`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const STAMP = 'node_modules/.leverage-lens-lock-hash';

function lockHash() {
  return createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
}

export function ensureDependencies() {
  const wanted = lockHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  console.error('Installing dependencies (npm ci)…');
  // Progress goes to stderr, so that commands printing JSON on stdout stay parseable.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: [0, 2, 2] });
  if (result.status !== 0) {
    console.error('npm ci failed: check your network access to the npm registry and try again.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, wanted);
}
