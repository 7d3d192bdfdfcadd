// Store packages from the release builds: a zip for the Chrome Web Store, one for
// addons.mozilla.org, and the source zip AMO asks for because our code is bundled.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { buildExtension } from './extension.ts';

export interface PackageOptions {
  /** The project's root: where package.json, the sources and node_modules are. */
  root: string;
  /** Where the release builds go. */
  chromeDir: string;
  firefoxDir: string;
  /** Where the zips go. */
  outDir: string;
}

export interface Packages {
  version: string;
  chromeDir: string;
  firefoxDir: string;
  chromeZip: string;
  firefoxZip: string;
  sourceZip: string;
}

/**
 * Every entry gets the same timestamp (1 Jan 1980, the zip format's first day, in local time as
 * zip stores it), so that the same source gives the same bytes and a reviewer can compare them.
 */
const ENTRY_TIME = new Date(1980, 0, 1);

/** The files below `dir`, as sorted zip paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

function writeZip(target: string, root: string, files: readonly string[]): void {
  const entries: Zippable = {};
  for (const file of files) entries[file] = [readFileSync(join(root, file)), { mtime: ENTRY_TIME }];
  writeFileSync(target, zipSync(entries, { level: 9 }));
}

/** The files git tracks or would track (not ignored), as they are in the working tree. */
function sourceFiles(root: string): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8' },
  );
  if (listed.status !== 0) {
    throw new Error(
      `the source zip lists its files with git, which failed here: ${listed.stderr.trim()}`,
    );
  }
  return listed.stdout
    .split('\0')
    .filter((path) => path && statSync(join(root, path), { throwIfNoEntry: false })?.isFile())
    .sort();
}

export function packageExtension(options: PackageOptions): Packages {
  const { root, chromeDir, firefoxDir, outDir } = options;
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // An empty venue origin is the release build, whatever LL_VENUE_ORIGIN the shell has.
  buildExtension(chromeDir, '', 'chrome');
  buildExtension(firefoxDir, '', 'firefox');
  mkdirSync(outDir, { recursive: true });
  const packages: Packages = {
    version,
    chromeDir,
    firefoxDir,
    chromeZip: join(outDir, `${name}-${version}-chrome.zip`),
    firefoxZip: join(outDir, `${name}-${version}-firefox.zip`),
    sourceZip: join(outDir, `${name}-${version}-source.zip`),
  };
  writeZip(packages.chromeZip, chromeDir, filesUnder(chromeDir));
  writeZip(packages.firefoxZip, firefoxDir, filesUnder(firefoxDir));
  // Our own output is no source, even where it lands in a folder git does not ignore.
  const generated = [chromeDir, firefoxDir, outDir].map((dir) => `${relative(root, dir)}/`);
  writeZip(
    packages.sourceZip,
    root,
    sourceFiles(root).filter((file) => !generated.some((dir) => file.startsWith(dir))),
  );
  return packages;
}
