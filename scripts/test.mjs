// `npm test`: installs what is missing, then type-checks, lints, and runs the unit, integration
// and end-to-end tests (real Chromium), and the Firefox build's lint and smoke test (real Firefox).
// Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDependencies } from './ensure-deps.mjs';
import { ensureDisplayTools } from './ensure-display-tools.mjs';
import { ensureFirefox } from './ensure-firefox.mjs';

ensureDependencies();
process.env.LL_CHROMIUM = ensureChromium();
process.env.LL_FIREFOX = ensureFirefox();
ensureDisplayTools();

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  console.log(
    `${result.status === 0 ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return result.status === 0;
}

const bin = (name) => `node_modules/.bin/${name}`;
const typesOk = step('type-check (tsc)', bin('tsc'), ['--noEmit']);
const lintOk = step('format and lint (biome)', bin('biome'), ['check', '.']);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const testsOk = step('unit, integration, end-to-end and Firefox tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
} catch {
  failed += 1;
}
// A failed type-check or lint counts as a failed check in the closing line.
failed += Number(!typesOk) + Number(!lintOk);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(typesOk && lintOk && testsOk && failed === 0 ? 0 : 1);
