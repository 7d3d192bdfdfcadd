// The browser side of the site settings: storage.sync, host permissions, and the content script
// registered at run time for the sites the user added (it persists across browser restarts, and
// is reconciled with the stored sites and permissions whenever the worker starts).
import browser from 'webextension-polyfill';
// crxjs builds the content script for dynamic registration and makes its modules reachable from
// http(s) pages (web_accessible_resources): the name here is its built loader file.
import contentScript from '../content/added-site.ts?script';
import { createSiteSettings, type SiteSettings } from './sites';
import { createWriteQueue } from './write-queue';

const SCRIPT_ID = 'll-added-sites';

/** One registration change at a time: two at once would both try to register the same id. */
const serialize = createWriteQueue();
const registerFor = (patterns: string[]) => serialize(SCRIPT_ID, () => applyRegistration(patterns));

async function applyRegistration(patterns: string[]) {
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (patterns.length === 0) {
    if (existing) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = {
    id: SCRIPT_ID,
    matches: patterns,
    js: [contentScript],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

export function browserSiteSettings(): SiteSettings {
  return createSiteSettings({
    curatedPatterns: (browser.runtime.getManifest().content_scripts ?? []).flatMap(
      (script) => script.matches ?? [],
    ),
    read: async (key) => (await browser.storage.sync.get(key))[key],
    write: (key, value) => browser.storage.sync.set({ [key]: value }),
    hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    registerFor,
  });
}
