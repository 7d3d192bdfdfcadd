import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import { AlertsAnswer, ErrorAnswer, ToolbarModeAnswer, type VenueHealth } from '../messages';
import { SiteSettings } from './SiteSettings';
import { saveErrorText } from './save-error';
import { ThresholdSettings } from './ThresholdSettings';
import { toolbarCoins } from './toolbar-coins';
import { VenueSwitches } from './VenueSwitches';

type Mode = ToolbarModeAnswer['mode'];

const encode = (mode: Mode) =>
  mode.kind === 'coin-oi-change-24h' ? `coin:${mode.coin}` : mode.kind;

function decode(value: string): Mode {
  if (value.startsWith('coin:')) return { kind: 'coin-oi-change-24h', coin: value.slice(5) };
  return value === 'off' ? { kind: 'off' } : { kind: 'market-liquidations-1h' };
}

/** The toolbar badge and notifications, as the background stores them (storage.sync). */
function BadgeAndAlerts({ pins }: { pins: readonly string[] }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [alerts, setAlerts] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const modeAnswer = ToolbarModeAnswer.safeParse(
        await browser.runtime.sendMessage({ type: 'getToolbarMode' }),
      );
      const alertsAnswer = AlertsAnswer.safeParse(
        await browser.runtime.sendMessage({ type: 'getAlerts' }),
      );
      if (modeAnswer.success) setMode(modeAnswer.data.mode);
      if (alertsAnswer.success) setAlerts(alertsAnswer.data.enabled);
    })();
  }, []);

  const send = async (message: unknown, apply: (answer: unknown) => boolean) => {
    const answer: unknown = await browser.runtime.sendMessage(message);
    if (apply(answer)) return setProblem(null);
    const error = ErrorAnswer.safeParse(answer);
    setProblem(error.success ? saveErrorText(error.data.error) : t('errorTryAgain'));
  };

  if (mode === null || alerts === null) return null;
  return (
    <>
      <label>
        {t('toolbarBadge')}{' '}
        <select
          value={encode(mode)}
          onChange={(event) => {
            const next = decode((event.target as HTMLSelectElement).value);
            void send({ type: 'setToolbarMode', mode: next }, (answer) => {
              const parsed = ToolbarModeAnswer.safeParse(answer);
              if (parsed.success) setMode(parsed.data.mode);
              return parsed.success;
            });
          }}
        >
          <option value="market-liquidations-1h">{t('toolbarMarketLiquidations')}</option>
          {toolbarCoins(pins, mode).map((coin) => (
            <option key={coin} value={`coin:${coin}`}>
              {t('toolbarCoinOi', coin)}
            </option>
          ))}
          <option value="off">{t('toolbarOff')}</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={alerts}
          onChange={(event) => {
            const enabled = (event.target as HTMLInputElement).checked;
            void send({ type: 'setAlerts', enabled }, (answer) => {
              const parsed = AlertsAnswer.safeParse(answer);
              if (parsed.success) setAlerts(parsed.data.enabled);
              return parsed.success;
            });
          }}
        />{' '}
        {t('notifyLabel')}
      </label>
      {problem && (
        <p class="state error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

export function Settings({
  pins,
  venues,
}: {
  pins: readonly string[];
  venues: readonly VenueHealth[];
}) {
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      <BadgeAndAlerts pins={pins} />
      <SiteSettings />
      <VenueSwitches
        disabled={venues.filter((venue) => !venue.enabled).map((venue) => venue.venue)}
      />
      <ThresholdSettings />
    </section>
  );
}
