import { describe, expect, it } from 'vitest';
import { createSiteSettings } from '../../../src/background/sites';
import { DENSITY_KEY, SITES_KEY } from '../../../src/core/page-settings';

function setup(initial: Record<string, unknown> = {}) {
  const storage = new Map(Object.entries(initial));
  const granted = new Set<string>();
  const registrations: string[][] = [];
  const sites = createSiteSettings({
    curatedPatterns: ['https://www.coindesk.com/*'],
    read: async (key) => storage.get(key),
    write: async (key, value) => {
      storage.set(key, value);
    },
    hasHostPermission: async (pattern) => granted.has(pattern),
    registerFor: async (patterns) => {
      registrations.push(patterns);
    },
  });
  return { sites, storage, granted, registrations };
}

describe('site settings', () => {
  it('adds a site only with its host permission, and registers the script for it', async () => {
    const { sites, granted, registrations } = setup();
    expect(await sites.add('http://news.example')).toEqual({
      error: 'no permission for http://news.example: the browser did not grant it',
    });
    expect(await sites.forPage('http://news.example')).toEqual({
      enabled: false,
      density: 'first-per-block',
    });
    granted.add('http://news.example/*');
    const answer = await sites.add('http://news.example');
    expect(answer).toMatchObject({
      sites: [
        { site: 'https://www.coindesk.com', curated: true, enabled: true },
        { site: 'http://news.example', curated: false, enabled: true },
      ],
    });
    expect(registrations.at(-1)).toEqual(['http://news.example/*']);
    expect((await sites.forPage('http://news.example')).enabled).toBe(true);
  });

  it('switches a curated or added site off and on; a page with no site is off', async () => {
    const { sites } = setup();
    await sites.setEnabled('https://www.coindesk.com', false);
    expect((await sites.forPage('https://www.coindesk.com')).enabled).toBe(false);
    await sites.setEnabled('https://www.coindesk.com', true);
    expect((await sites.forPage('https://www.coindesk.com')).enabled).toBe(true);
    expect((await sites.forPage(null)).enabled).toBe(false);
  });

  it('keeps the density, and falls back to the default on a bad stored value', async () => {
    const { sites, storage } = setup({ [DENSITY_KEY]: 'lots', [SITES_KEY]: { added: 'x' } });
    expect(await sites.all()).toEqual({
      density: 'first-per-block',
      sites: [{ site: 'https://www.coindesk.com', curated: true, enabled: true }],
    });
    await sites.setDensity('first-per-page');
    expect(storage.get(DENSITY_KEY)).toBe('first-per-page');
    expect((await sites.forPage('https://www.coindesk.com')).density).toBe('first-per-page');
  });

  it('drops an added site whose permission the user took back, and re-registers', async () => {
    const { sites, granted, registrations } = setup();
    granted.add('http://news.example/*').add('https://blog.test/*');
    await sites.add('http://news.example');
    await sites.add('https://blog.test');
    expect(registrations.at(-1)).toEqual(['http://news.example/*', 'https://blog.test/*']);
    granted.delete('https://blog.test/*');
    await sites.forget(['https://blog.test/*']);
    expect(registrations.at(-1)).toEqual(['http://news.example/*']);
    expect((await sites.all()).sites.map((entry) => entry.site)).not.toContain('https://blog.test');
  });

  it('enables a curated site instead of adding a second script for it', async () => {
    const { sites, granted, registrations } = setup();
    granted.add('https://www.coindesk.com/*');
    await sites.setEnabled('https://www.coindesk.com', false);
    await sites.add('https://www.coindesk.com');
    expect(registrations).toEqual([]);
    expect((await sites.forPage('https://www.coindesk.com')).enabled).toBe(true);
  });

  it('keeps both of two sites added at the same moment', async () => {
    const { sites, granted, storage } = setup();
    granted.add('http://news.example/*').add('https://blog.test/*');
    await Promise.all([sites.add('http://news.example'), sites.add('https://blog.test')]);
    expect(storage.get(SITES_KEY)).toEqual({
      added: ['http://news.example', 'https://blog.test'],
      disabled: [],
    });
  });

  it('keeps both of two sites switched off at the same moment, and an add made meanwhile', async () => {
    const { sites, granted, storage } = setup();
    granted.add('http://news.example/*');
    await Promise.all([
      sites.setEnabled('https://www.coindesk.com', false),
      sites.add('http://news.example'),
      sites.setEnabled('https://cointelegraph.com', false),
    ]);
    expect(storage.get(SITES_KEY)).toEqual({
      added: ['http://news.example'],
      disabled: ['https://www.coindesk.com', 'https://cointelegraph.com'],
    });
  });

  it('a refused change does not hold up the next one', async () => {
    const { sites, granted } = setup();
    granted.add('https://blog.test/*');
    const [refused, added] = await Promise.all([
      sites.add('http://news.example'),
      sites.add('https://blog.test'),
    ]);
    expect(refused).toMatchObject({ error: expect.stringContaining('no permission') });
    expect(added).toMatchObject({
      sites: expect.arrayContaining([expect.objectContaining({ site: 'https://blog.test' })]),
    });
  });
});
