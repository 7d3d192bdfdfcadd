// Which coin mentions on a page get a badge (density), and on which sites the content script runs.
// Pure: the content script, the background and the popup share these rules; zod-free, so the
// content script can import it without pulling a schema library in at page load.

/** How many badges a page gets: the default is the first mention of a coin in each block. */
export const DENSITIES = ['first-per-block', 'all', 'first-per-page', 'off'] as const;
export type Density = (typeof DENSITIES)[number];
export const DEFAULT_DENSITY: Density = 'first-per-block';

/** storage.sync keys; the content script watches them to learn that it should ask again. */
export const DENSITY_KEY = 'contentDensity';
export const SITES_KEY = 'sites';

export const isDensity = (value: unknown): value is Density =>
  typeof value === 'string' && (DENSITIES as readonly string[]).includes(value);

/** A mention as the density rule sees it: its coin and the block of text it sits in. */
export interface Placed<Block> {
  coin: string;
  block: Block;
}

/** What already carries a badge on the page, so a later pass over new content respects it. */
export interface Badged<Block> {
  onPage: Set<string>;
  inBlock: WeakMap<Block & object, Set<string>>;
}

export function emptyBadged<Block extends object>(): Badged<Block> {
  return { onPage: new Set(), inBlock: new WeakMap() };
}

/**
 * The mentions that get a badge under `density`, in document order, given what is badged already.
 * It does not record the choice: a badge may still fail to be inserted (the page changed the
 * text meanwhile), so the caller records each badge it actually inserts with `recordBadge`.
 */
export function chooseMentions<Block extends object, M extends Placed<Block>>(
  mentions: readonly M[],
  density: Density,
  badged: Badged<Block>,
): M[] {
  if (density === 'off') return [];
  if (density === 'all') return [...mentions];
  const chosenOnPage = new Set<string>();
  const chosenInBlock = new Map<Block, Set<string>>();
  return mentions.filter(({ coin, block }) => {
    if (density === 'first-per-page') {
      if (badged.onPage.has(coin) || chosenOnPage.has(coin)) return false;
      chosenOnPage.add(coin);
      return true;
    }
    if (badged.inBlock.get(block)?.has(coin)) return false;
    const coins = chosenInBlock.get(block) ?? new Set<string>();
    chosenInBlock.set(block, coins);
    if (coins.has(coin)) return false;
    coins.add(coin);
    return true;
  });
}

/** Whether a badge for this mention would break the density rule (another pass got there first). */
export function isAlreadyBadged<Block extends object>(
  { coin, block }: Placed<Block>,
  density: Density,
  badged: Badged<Block>,
): boolean {
  if (density === 'all') return false;
  if (density === 'first-per-page') return badged.onPage.has(coin);
  return badged.inBlock.get(block)?.has(coin) ?? false;
}

export function recordBadge<Block extends object>(
  { coin, block }: Placed<Block>,
  badged: Badged<Block>,
) {
  badged.onPage.add(coin);
  const coins = badged.inBlock.get(block) ?? new Set<string>();
  coins.add(coin);
  badged.inBlock.set(block, coins);
}

/**
 * A site as the sites list keeps it: scheme and host, no port (`http://news.example`), because
 * host permissions and content-script matches ignore the port. Null for non-web pages.
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.protocol}//${parsed.hostname}`;
  } catch {
    return null;
  }
}

/** The match pattern that covers every page of a site. */
export const sitePattern = (site: string) => `${site}/*`;

/** Whether a manifest match pattern (`https://www.coindesk.com/*`) covers a site. */
export function patternCoversSite(pattern: string, site: string): boolean {
  const match = /^(https?|\*):\/\/(\*|(?:\*\.)?[^/*]+)\/.*$/.exec(pattern);
  if (!match) return false;
  const url = new URL(site);
  const [, scheme, host = ''] = match;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.hostname === host;
}

/** The user's sites: the ones added through "Enable on this site", and the ones switched off. */
export interface SiteChoices {
  added: string[];
  disabled: string[];
}

export const NO_SITE_CHOICES: SiteChoices = { added: [], disabled: [] };

export interface SiteEntry {
  /** Scheme and host (`https://www.coindesk.com`); a curated site's comes from its pattern. */
  site: string;
  curated: boolean;
  enabled: boolean;
}

/** The curated sites (from the manifest's patterns) then the added ones, each with its switch. */
export function siteEntries(curatedPatterns: readonly string[], choices: SiteChoices): SiteEntry[] {
  return [
    ...curatedPatterns.map((pattern) => ({ site: curatedSite(pattern), curated: true })),
    ...choices.added
      .filter((site) => !curatedPatterns.some((pattern) => patternCoversSite(pattern, site)))
      .map((site) => ({ site, curated: false })),
  ].map((entry) => ({ ...entry, enabled: !choices.disabled.includes(entry.site) }));
}

const curatedSite = (pattern: string) => pattern.replace(/\/\*$/, '');

/** Whether the content script may run on a page of `site`. */
export function isSiteEnabled(
  site: string,
  curatedPatterns: readonly string[],
  choices: SiteChoices,
): boolean {
  const curated = curatedPatterns.find((pattern) => patternCoversSite(pattern, site));
  if (!curated && !choices.added.includes(site)) return false;
  return !choices.disabled.includes(curated ? curatedSite(curated) : site);
}
