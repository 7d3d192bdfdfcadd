import { describe, expect, it } from 'vitest';
import {
  chooseMentions,
  emptyBadged,
  isAlreadyBadged,
  isSiteEnabled,
  recordBadge,
  siteEntries,
  siteOf,
} from '../../../src/core/page-settings';

// Blocks stand for the paragraphs of a page: any object will do for the rule.
const p1 = { name: 'p1' };
const p2 = { name: 'p2' };
const page = [
  { coin: 'BTC', block: p1, at: 0 },
  { coin: 'ETH', block: p1, at: 1 },
  { coin: 'BTC', block: p1, at: 2 },
  { coin: 'BTC', block: p2, at: 3 },
  { coin: 'SOL', block: p2, at: 4 },
  { coin: 'BTC', block: p2, at: 5 },
];
const positions = (chosen: readonly { at: number }[]) => chosen.map((entry) => entry.at);

describe('density', () => {
  it('badges the first mention of a coin in each block by default', () => {
    expect(positions(chooseMentions(page, 'first-per-block', emptyBadged()))).toEqual([0, 1, 3, 4]);
  });

  it('badges every mention, the first per page, or none', () => {
    expect(positions(chooseMentions(page, 'all', emptyBadged()))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(positions(chooseMentions(page, 'first-per-page', emptyBadged()))).toEqual([0, 1, 4]);
    expect(chooseMentions(page, 'off', emptyBadged())).toEqual([]);
  });

  it('respects the badges of an earlier pass (content added later)', () => {
    const badged = emptyBadged<object>();
    recordBadge({ coin: 'BTC', block: p1 }, badged);
    expect(positions(chooseMentions(page, 'first-per-block', badged))).toEqual([1, 3, 4]);
    expect(positions(chooseMentions(page, 'first-per-page', badged))).toEqual([1, 4]);
    expect(isAlreadyBadged({ coin: 'BTC', block: p2 }, 'first-per-block', badged)).toBe(false);
    expect(isAlreadyBadged({ coin: 'BTC', block: p2 }, 'first-per-page', badged)).toBe(true);
    expect(isAlreadyBadged({ coin: 'BTC', block: p1 }, 'all', badged)).toBe(false);
  });
});

describe('sites', () => {
  const curated = ['https://www.coindesk.com/*', 'https://*.example.org/*'];

  it('keeps scheme and host of web pages only, without the port', () => {
    expect(siteOf('http://news.example:9400/pages/a.html?x=1')).toBe('http://news.example');
    expect(siteOf('chrome-extension://abc/src/popup/index.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it('runs on curated sites unless switched off, on added sites only once added', () => {
    const none = { added: [], disabled: [] };
    expect(isSiteEnabled('https://www.coindesk.com', curated, none)).toBe(true);
    expect(isSiteEnabled('https://news.example.org', curated, none)).toBe(true);
    expect(isSiteEnabled('http://www.coindesk.com', curated, none)).toBe(false);
    expect(isSiteEnabled('https://blog.test', curated, none)).toBe(false);
    const choices = {
      added: ['https://blog.test'],
      disabled: ['https://www.coindesk.com', 'https://*.example.org'],
    };
    expect(isSiteEnabled('https://blog.test', curated, choices)).toBe(true);
    expect(isSiteEnabled('https://www.coindesk.com', curated, choices)).toBe(false);
    expect(isSiteEnabled('https://news.example.org', curated, choices)).toBe(false);
    expect(
      isSiteEnabled('https://blog.test', curated, { ...choices, disabled: ['https://blog.test'] }),
    ).toBe(false);
  });

  it('lists curated then added sites with their switches, an added curated site once', () => {
    const entries = siteEntries(curated, {
      added: ['https://blog.test', 'https://www.coindesk.com'],
      disabled: ['https://blog.test'],
    });
    expect(entries).toEqual([
      { site: 'https://www.coindesk.com', curated: true, enabled: true },
      { site: 'https://*.example.org', curated: true, enabled: true },
      { site: 'https://blog.test', curated: false, enabled: false },
    ]);
  });
});
