// chrome.i18n follows Chromium's application locale, and on Linux Chromium only takes a locale
// whose pack (locales/zh-CN.pak) sits beside its binary; otherwise it falls back to en-US whatever
// LANGUAGE or --lang say. Debian's `chromium` ships en-US.pak only: the others are in
// `chromium-l10n`, which pins the exact chromium version. Rather than upgrading the shared
// browser, this builds a private Chromium folder: the same binary (hard-linked), the same files
// (symlinked), and a locales/ folder holding en-US.pak plus the pack taken from the chromium-l10n
// package (`apt-get download`, unpacked with dpkg -x, never installed).
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium';

const SYSTEM_DIR = '/usr/lib/chromium';
const BUILD_DIR = join(process.cwd(), '.build', 'chromium-locales');

/** Unpacks a Debian package (downloaded with apt-get, not installed) into .build; returns where. */
function unpackedDebian(name: string): string {
  const unpacked = join(BUILD_DIR, name);
  if (existsSync(unpacked)) return unpacked;
  mkdirSync(BUILD_DIR, { recursive: true });
  execFileSync('apt-get', ['download', name], { cwd: BUILD_DIR, stdio: 'ignore' });
  const deb = readdirSync(BUILD_DIR).find((file) => file.startsWith(`${name}_`));
  if (!deb) throw new Error(`apt-get download ${name} produced no package`);
  execFileSync('dpkg', ['-x', join(BUILD_DIR, deb), unpacked]);
  return unpacked;
}

function packFromDebian(pack: string): string {
  const found = join(unpackedDebian('chromium-l10n'), 'usr/lib/chromium/locales', pack);
  if (!existsSync(found)) throw new Error(`chromium-l10n has no ${pack}`);
  return found;
}

/**
 * A fontconfig file that adds a Chinese font (WenQuanYi Zen Hei, Debian's fonts-wqy-zenhei,
 * unpacked into .build) to the system's fonts: without one, a screenshot shows Chinese text as
 * empty boxes although the page's text is right. For FONTCONFIG_FILE.
 */
export function fontConfigWithChinese(): string {
  const fonts = join(unpackedDebian('fonts-wqy-zenhei'), 'usr/share/fonts');
  const file = join(BUILD_DIR, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
      `  <dir>${fonts}</dir>\n  <cachedir>${join(BUILD_DIR, 'fontcache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** The same binary: the same hard-linked file, or a copy of the same size and age. */
function sameFile(copy: string, original: string): boolean {
  if (!existsSync(copy)) return false;
  const [a, b] = [statSync(copy), statSync(original)];
  return a.ino === b.ino || (a.size === b.size && a.mtimeMs >= b.mtimeMs);
}

/**
 * A Chromium binary that can run with `locale` (e.g. 'zh-CN') as its UI language: the system's
 * own when it has the pack, or the private folder described above.
 */
export function chromiumWithLocale(locale: string): string {
  const pack = `${locale}.pak`;
  if (existsSync(join(SYSTEM_DIR, 'locales', pack))) return chromiumPath();
  const folder = join(BUILD_DIR, 'chromium');
  const binary = join(folder, 'chromium');
  const locales = join(folder, 'locales');
  if (existsSync(join(locales, pack)) && sameFile(binary, join(SYSTEM_DIR, 'chromium'))) {
    return binary;
  }
  // A folder left from an older Chromium would mix its binary with the new one's resources.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(locales, { recursive: true });
  for (const name of readdirSync(SYSTEM_DIR)) {
    const target = join(BUILD_DIR, 'chromium', name);
    if (name === 'locales' || existsSync(target)) continue;
    // The binary must be a real file here: Chromium finds locales/ beside /proc/self/exe.
    if (name === 'chromium') {
      try {
        linkSync(join(SYSTEM_DIR, name), target);
      } catch {
        copyFileSync(join(SYSTEM_DIR, name), target);
      }
    } else symlinkSync(join(SYSTEM_DIR, name), target);
  }
  const english = join(locales, 'en-US.pak');
  if (!existsSync(english)) symlinkSync(join(SYSTEM_DIR, 'locales', 'en-US.pak'), english);
  copyFileSync(packFromDebian(pack), join(locales, pack));
  return binary;
}
