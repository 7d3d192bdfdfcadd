// The size of what each part of the extension loads: an entry file plus every chunk it imports
// statically (lazy `import()` chunks are not loaded up front and are not counted).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  bundle: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT_URL = /getURL\(\s*["']([^"']+)["']\s*\)/g;

function staticGraph(distDir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(distDir, entry), 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) {
    const target = relative(distDir, join(distDir, dirname(entry), match[1] ?? ''));
    staticGraph(distDir, target, seen);
  }
  return seen;
}

function measure(distDir: string, bundle: string, files: Iterable<string>): BundleSize {
  const list = [...files];
  const contents = list.map((file) => readFileSync(join(distDir, file)));
  return {
    bundle,
    files: list,
    rawBytes: contents.reduce((sum, buffer) => sum + buffer.length, 0),
    gzipBytes: contents.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0),
  };
}

interface BuiltManifest {
  background: { service_worker: string };
  action: { default_popup: string };
  content_scripts: Array<{ js: string[] }>;
}

export function bundleSizes(distDir: string): BundleSize[] {
  const manifest = JSON.parse(
    readFileSync(join(distDir, 'manifest.json'), 'utf8'),
  ) as BuiltManifest;

  // crxjs injects a tiny loader that imports the real content module from the extension.
  const contentFiles = new Set<string>();
  for (const loader of manifest.content_scripts.flatMap((script) => script.js)) {
    contentFiles.add(loader);
    for (const match of readFileSync(join(distDir, loader), 'utf8').matchAll(DYNAMIC_IMPORT_URL)) {
      for (const file of staticGraph(distDir, match[1] ?? '')) contentFiles.add(file);
    }
  }

  const popupHtml = manifest.action.default_popup;
  const html = readFileSync(join(distDir, popupHtml), 'utf8');
  const popupFiles = new Set<string>([popupHtml]);
  for (const match of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    const file = match[1] ?? '';
    if (file.endsWith('.css')) popupFiles.add(file);
    else for (const chunk of staticGraph(distDir, file)) popupFiles.add(chunk);
  }

  return [
    measure(distDir, 'content script', contentFiles),
    measure(distDir, 'background', staticGraph(distDir, manifest.background.service_worker)),
    measure(distDir, 'popup', popupFiles),
    lazyChart(distDir, new Set([...contentFiles, ...popupFiles])),
  ];
}

/**
 * The history chart (uPlot and its CSS): a chunk of its own, loaded on the first hover card or
 * coin detail; what it adds beyond what the content script or popup already loaded.
 */
function lazyChart(distDir: string, loadedUpFront: ReadonlySet<string>): BundleSize {
  const chunk = readdirSync(join(distDir, 'assets')).find((file) => file.startsWith('coin-chart'));
  if (!chunk) throw new Error('no coin-chart chunk in the build: the chart is not split out');
  const files = [...staticGraph(distDir, join('assets', chunk))].filter(
    (file) => !loadedUpFront.has(file),
  );
  return measure(distDir, 'chart (lazy)', files);
}
