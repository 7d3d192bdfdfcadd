// `npm run package`: release builds for Chrome (dist/) and Firefox (dist-firefox/), zipped for the
// Chrome Web Store and addons.mozilla.org, plus the source zip for AMO's review, in artifacts/
// (or --out DIR). The version in the names and manifests is package.json's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageExtension } from '../build/package.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'artifacts' } } });
const root = process.cwd();
const packages = packageExtension({
  root,
  chromeDir: resolve(root, 'dist'),
  firefoxDir: resolve(root, 'dist-firefox'),
  outDir: resolve(root, values.out ?? 'artifacts'),
});

console.log(`Leverage Lens ${packages.version}`);
for (const [store, file] of [
  ['Chrome Web Store', packages.chromeZip],
  ['addons.mozilla.org', packages.firefoxZip],
  ['AMO source review', packages.sourceZip],
] as const) {
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(
    `${store.padEnd(20)} ${relative(root, file).padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KiB  sha256 ${sha256}`,
  );
}
