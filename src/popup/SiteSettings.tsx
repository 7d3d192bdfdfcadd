import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DENSITIES, type Density, siteOf, sitePattern } from '../core/page-settings';
import { t } from '../i18n';
import { ErrorAnswer, type PopupToBackground, SiteSettingsAnswer } from '../messages';

const DENSITY_LABELS = {
  'first-per-block': 'sitesDensityFirstPerBlock',
  all: 'sitesDensityAll',
  'first-per-page': 'sitesDensityFirstPerPage',
  off: 'sitesDensityOff',
} as const satisfies Record<Density, string>;

type Settings = SiteSettingsAnswer;

async function ask(request: PopupToBackground): Promise<Settings> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = SiteSettingsAnswer.safeParse(answer);
  if (parsed.success) return parsed.data;
  const error = ErrorAnswer.safeParse(answer);
  throw new Error(error.success ? error.data.error : 'unexpected answer');
}

/** The site of the tab the popup was opened over (readable thanks to activeTab), or null. */
async function activeTabSite(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return siteOf(tab?.url);
}

/** Where badges appear and how many: the density, each site's switch, and adding this site. */
export function SiteSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [here, setHere] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void ask({ type: 'getSiteSettings' }).then(setSettings, (error: Error) =>
      setNote(t('sitesNotSaved', error.message)),
    );
    void activeTabSite().then(setHere);
  }, []);

  const change = async (request: PopupToBackground) => {
    try {
      setSettings(await ask(request));
      setNote(null);
    } catch (error) {
      setNote(t('sitesNotSaved', (error as Error).message));
    }
  };

  const enableHere = async (site: string) => {
    // Asked first thing in the click handler: the browser wants the user's gesture for it.
    const granted = await browser.permissions.request({ origins: [sitePattern(site)] });
    if (!granted) {
      setNote(t('sitesPermissionRefused', site));
      return;
    }
    await change({ type: 'addSite', site });
    setNote(t('sitesAddedReload', site));
  };

  if (!settings) return note ? <p class="state error">{note}</p> : null;
  const current = here ? settings.sites.find((entry) => entry.site === here) : undefined;
  return (
    <section class="settings sites" aria-label={t('sitesHeading')}>
      <h2>{t('sitesHeading')}</h2>
      <label>
        {t('sitesDensity')}{' '}
        <select
          value={settings.density}
          onChange={(event) => {
            const density = (event.target as HTMLSelectElement).value as Density;
            void change({ type: 'setDensity', density });
          }}
        >
          {DENSITIES.map((density) => (
            <option key={density} value={density}>
              {t(DENSITY_LABELS[density])}
            </option>
          ))}
        </select>
      </label>
      {here === null ? (
        <p class="muted">{t('sitesNotAWebPage')}</p>
      ) : current?.enabled ? (
        <p class="muted">{t('sitesEnabledHere', here)}</p>
      ) : (
        <button
          type="button"
          onClick={() =>
            // A site in the list (switched off) needs no new permission, only its switch.
            current
              ? void change({ type: 'setSiteEnabled', site: here, enabled: true })
              : void enableHere(here)
          }
        >
          {t('sitesEnableHere')}
        </button>
      )}
      <ul class="site-list">
        {settings.sites.map((entry) => (
          <li key={entry.site}>
            <label>
              <input
                type="checkbox"
                checked={entry.enabled}
                aria-label={t('sitesSwitchLabel', entry.site)}
                onChange={(event) => {
                  const enabled = (event.target as HTMLInputElement).checked;
                  void change({ type: 'setSiteEnabled', site: entry.site, enabled });
                }}
              />{' '}
              {entry.site.replace(/^https?:\/\//, '')}{' '}
              <small class="muted">{t(entry.curated ? 'sitesCurated' : 'sitesAdded')}</small>
            </label>
          </li>
        ))}
      </ul>
      {note && (
        <p class="state" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
