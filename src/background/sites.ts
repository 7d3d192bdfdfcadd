// Where the content script runs and how densely it badges: the curated sites of the manifest,
// the sites the user added (optional host permission + a dynamically registered content script),
// a switch per site, and the density. Choices live in storage.sync, validated with zod.
import { z } from 'zod';
import {
  DEFAULT_DENSITY,
  DENSITIES,
  DENSITY_KEY,
  type Density,
  isSiteEnabled,
  NO_SITE_CHOICES,
  patternCoversSite,
  SITES_KEY,
  type SiteChoices,
  siteEntries,
  sitePattern,
} from '../core/page-settings';
import type { ErrorAnswer, PageSettingsAnswer, SiteSettingsAnswer } from '../messages';
import { createWriteQueue } from './write-queue';

const Site = z.string().regex(/^https?:\/\/[^/:?#\s]+$/);
/** storage.sync items are small: a few hundred sites fit in one. */
const MAX_SITES = 200;
export const StoredSiteChoices = z.object({
  added: z.array(Site).max(MAX_SITES),
  disabled: z.array(Site).max(MAX_SITES),
});
export const StoredDensity = z.enum(DENSITIES);

/** What the site settings need from the browser; the worker passes the real APIs, tests fakes. */
export interface SiteDeps {
  /** The content-script match patterns of the manifest (the curated sites). */
  curatedPatterns: readonly string[];
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  hasHostPermission(pattern: string): Promise<boolean>;
  /** Makes the dynamically registered content script match exactly these patterns (none: gone). */
  registerFor(patterns: string[]): Promise<void>;
}

export interface SiteSettings {
  /** For a content script: whether its page's site is on, and the density. */
  forPage(site: string | null): Promise<PageSettingsAnswer>;
  all(): Promise<SiteSettingsAnswer>;
  setDensity(density: Density): Promise<SiteSettingsAnswer>;
  setEnabled(site: string, enabled: boolean): Promise<SiteSettingsAnswer>;
  /** After the user granted the site's host permission: remember it and run there. */
  add(site: string): Promise<SiteSettingsAnswer | ErrorAnswer>;
  /** The user took a host permission back (browser UI): the site goes from the list. */
  forget(patterns: readonly string[]): Promise<void>;
  /** Brings the registration in line with the stored sites and the permissions held. */
  reconcile(): Promise<void>;
}

export function createSiteSettings(deps: SiteDeps): SiteSettings {
  const loadChoices = async (): Promise<SiteChoices> => {
    const parsed = StoredSiteChoices.safeParse(await deps.read(SITES_KEY));
    return parsed.success ? parsed.data : NO_SITE_CHOICES;
  };
  const loadDensity = async (): Promise<Density> => {
    const parsed = StoredDensity.safeParse(await deps.read(DENSITY_KEY));
    return parsed.success ? parsed.data : DEFAULT_DENSITY;
  };
  const all = async (): Promise<SiteSettingsAnswer> => ({
    density: await loadDensity(),
    sites: siteEntries(deps.curatedPatterns, await loadChoices()),
  });
  const saveChoices = (choices: SiteChoices) =>
    deps.write(SITES_KEY, StoredSiteChoices.parse(choices));

  async function reconcile() {
    const { added } = await loadChoices();
    const granted: string[] = [];
    for (const site of added)
      if (await deps.hasHostPermission(sitePattern(site))) granted.push(sitePattern(site));
    await deps.registerFor(granted);
  }

  async function setEnabled(site: string, enabled: boolean) {
    const choices = await loadChoices();
    const disabled = choices.disabled.filter((entry) => entry !== site);
    await saveChoices({ ...choices, disabled: enabled ? disabled : [...disabled, site] });
    return all();
  }

  async function add(site: string): Promise<SiteSettingsAnswer | ErrorAnswer> {
    if (!(await deps.hasHostPermission(sitePattern(site))))
      return { error: `no permission for ${site}: the browser did not grant it` };
    const choices = await loadChoices();
    // A curated site already has the manifest's script: a second one would badge twice.
    if (deps.curatedPatterns.some((pattern) => patternCoversSite(pattern, site)))
      return setEnabled(site, true);
    if (choices.added.length >= MAX_SITES && !choices.added.includes(site))
      return { error: `at most ${MAX_SITES} sites can be added` };
    await saveChoices({
      added: [...choices.added.filter((entry) => entry !== site), site],
      disabled: choices.disabled.filter((entry) => entry !== site),
    });
    await reconcile();
    return all();
  }

  async function forget(patterns: readonly string[]) {
    const choices = await loadChoices();
    const added = choices.added.filter((site) => !patterns.includes(sitePattern(site)));
    if (added.length === choices.added.length) return;
    await saveChoices({ ...choices, added });
    await reconcile();
  }

  // Every change of the sites list reads it, changes it and writes it back: one at a time.
  const serialize = createWriteQueue();
  return {
    async forPage(site) {
      const density = await loadDensity();
      if (!site) return { enabled: false, density };
      return { enabled: isSiteEnabled(site, deps.curatedPatterns, await loadChoices()), density };
    },
    all,
    async setDensity(density) {
      await deps.write(DENSITY_KEY, density);
      return all();
    },
    setEnabled: (site, enabled) => serialize(SITES_KEY, () => setEnabled(site, enabled)),
    add: (site) => serialize(SITES_KEY, () => add(site)),
    forget: (patterns) => serialize(SITES_KEY, () => forget(patterns)),
    reconcile,
  };
}
