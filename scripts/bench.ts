// `npm run bench`: builds a release and measures it. Prints a table and writes bench-results.json.
// Each issue adds its figures here as another section.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes } from '../test/bench/bundle-sizes';
import { buildExtension } from '../test/e2e/build';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const distDir = join(process.cwd(), '.build', 'bench-release');
buildExtension(distDir, '');
const bundles = bundleSizes(distDir);

console.log('\nBundle sizes (release build; static imports only, lazy chunks excluded)\n');
console.log(`${'bundle'.padEnd(16)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  files`);
for (const row of bundles) {
  console.log(
    `${row.bundle.padEnd(16)} ${kib(row.rawBytes).padStart(10)} ${kib(row.gzipBytes).padStart(10)}  ${row.files.length}`,
  );
}

const results = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  bundles,
};
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to bench-results.json');
