// Nothing requested that is not used, nothing used that is not requested: every API permission
// in manifest.json is called through webextension-polyfill somewhere in src/, and every
// permission-gated API that src/ calls is in the manifest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

/** APIs a manifest permission gates (the ones an extension like ours could plausibly reach for). */
const GATED_APIS = [
  'alarms',
  'bookmarks',
  'contextMenus',
  'cookies',
  'declarativeNetRequest',
  'downloads',
  'history',
  'identity',
  'idle',
  'management',
  'notifications',
  'scripting',
  'storage',
  'webNavigation',
  'webRequest',
];

function sourceText(): string {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(join(SRC, file), 'utf8'))
    .join('\n');
}

const source = sourceText();
const usedApis = new Set([...source.matchAll(/\bbrowser\.(\w+)\./g)].map((match) => match[1]));

/**
 * Permissions that grant no namespace of their own, and the call that needs them: activeTab lets
 * the popup read the URL of the tab it opened over (tabs.query answers without it, minus the URL).
 */
const USED_THROUGH: Record<string, string> = { activeTab: 'tabs' };

describe('the manifest’s permissions', () => {
  it.each(manifest.permissions)('%s is used by the source', (permission) => {
    expect(usedApis).toContain(USED_THROUGH[permission] ?? permission);
  });

  it('covers every permission-gated API the source calls', () => {
    const gatedInUse = GATED_APIS.filter((api) => usedApis.has(api));
    expect(gatedInUse.filter((api) => !manifest.permissions.includes(api))).toEqual([]);
  });

  it('goes through webextension-polyfill, never the chrome global', () => {
    expect(source).not.toMatch(/\bchrome\.\w+\./);
  });
});
