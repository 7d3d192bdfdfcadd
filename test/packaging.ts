// `npm run package` as the tests run it: into a folder of their own, so that dist/ and
// artifacts/ stay the user's; and the zips unpacked as a store or a reviewer would.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { type Packages, packageExtension } from '../build/package';

export function packageInto(workDir: string): Packages {
  rmSync(workDir, { recursive: true, force: true });
  return packageExtension({
    root: process.cwd(),
    chromeDir: join(workDir, 'chrome'),
    firefoxDir: join(workDir, 'firefox'),
    outDir: join(workDir, 'artifacts'),
  });
}

export function zipEntries(zip: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(zip));
}

export function unzipInto(zip: string, dir: string): Record<string, Uint8Array> {
  const entries = zipEntries(zip);
  for (const [file, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
  }
  return entries;
}
