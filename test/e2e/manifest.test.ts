// DESIGN.md: LL_VENUE_ORIGIN builds talk to the replay server and run on loopback pages; a
// release build has no trace of either.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { VENUES } from '../../src/venues/index';
import { buildExtension } from './build';

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;
const releaseDir = join(process.cwd(), '.build', 'release-check');

function readManifest(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

function allCode(dir: string): string {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
}

beforeAll(() => buildExtension(releaseDir, ''));

describe('the release build', () => {
  it('has no loopback origin in its manifest or code', () => {
    const manifest = readManifest(releaseDir);
    expect(JSON.stringify(manifest)).not.toMatch(LOOPBACK);
    expect(allCode(releaseDir)).not.toMatch(LOOPBACK);
    // Exactly the venues' REST hosts: nothing else is needed (sockets need no host permission).
    const venueHosts = VENUES.map((venue) => `${venue.hosts.rest}/*`).sort();
    expect([...manifest.host_permissions].sort()).toEqual(venueHosts);
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(manifest.minimum_chrome_version).toBe('116');
    // scripting and activeTab: "Enable on this site" reads the tab's site and registers the
    // content script there; the site's host permission is optional, asked for then.
    expect(manifest.permissions.sort()).toEqual([
      'activeTab',
      'alarms',
      'notifications',
      'scripting',
      'storage',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});

describe('the test build', () => {
  it('may reach the replay server and runs on loopback pages', () => {
    const manifest = readManifest(inject('extensionDir'));
    expect(manifest.host_permissions).toContain(`${inject('replayOrigin')}/*`);
    for (const script of manifest.content_scripts) {
      expect(script.matches).toEqual(
        expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*']),
      );
    }
    expect(allCode(inject('extensionDir'))).toContain(inject('replayOrigin'));
  });
});
