// Content script entry: asks the background whether to run on this page and how densely to badge
// it, runs (badges and card, or the exchange panel) until the user switches the site off or
// changes the density, and then takes everything back out through one AbortSignal.

import { DENSITY_KEY, type Density, SITES_KEY } from '../core/page-settings';
import { UPDATES_PORT } from '../ports';
import { startAnnotator } from './annotator';
import { isDataChanged } from './answers';
import { forgetContexts, pinCoin, requestContexts, requestPageSettings } from './ask';
import { watchCardTriggers } from './card-triggers';
import { isExchangeSite } from './exchange-url';
import { extension } from './extension-api';

const RECONNECT_DELAY_MS = 5_000;

function listenForUpdates(signal: AbortSignal, onDataChanged: () => void) {
  if (signal.aborted) return;
  const port = extension.runtime.connect({ name: UPDATES_PORT });
  port.onMessage.addListener((message: unknown) => {
    if (!isDataChanged(message)) return;
    forgetContexts();
    onDataChanged();
  });
  const disconnect = () => port.disconnect();
  // The worker sleeps and restarts; reconnect so that updates keep coming.
  port.onDisconnect.addListener(() => {
    signal.removeEventListener('abort', disconnect);
    if (!signal.aborted)
      setTimeout(() => listenForUpdates(signal, onDataChanged), RECONNECT_DELAY_MS);
  });
  signal.addEventListener('abort', disconnect, { once: true });
}

/** What runs on this page: the exchange panel, or badges at a density. */
type Mode = 'panel' | Exclude<Density, 'off'>;

function start(signal: AbortSignal, mode: Mode) {
  if (mode === 'panel') {
    // On an exchange every ticker on screen is the page's own coin: one panel says it better
    // than a badge on each. The panel's module loads only there.
    listenForUpdates(signal, () => undefined);
    void import('./exchange-panel').then(({ startExchangePanel }) =>
      startExchangePanel(signal, async (coin) => (await requestContexts([coin])).get(coin)),
    );
    return;
  }
  const annotator = startAnnotator({ signal, density: mode, requestContexts });
  listenForUpdates(signal, () => void annotator.refresh());
  watchCardTriggers(signal, annotator.isOurs, requestContexts, pinCoin);
}

const onExchange = isExchangeSite(new URL(location.href));
let running: { controller: AbortController; mode: Mode } | null = null;

/** Starts, stops or restarts (new density) to match what the background says now. */
async function applySettings() {
  const settings = await requestPageSettings();
  const { enabled, density } = settings;
  const wanted: Mode | null = !enabled
    ? null
    : onExchange
      ? 'panel'
      : density === 'off'
        ? null
        : density;
  if ((running?.mode ?? null) === wanted) return;
  running?.controller.abort();
  running = null;
  if (!wanted) return;
  running = { controller: new AbortController(), mode: wanted };
  start(running.controller.signal, wanted);
}

/** One settings change at a time: two quick changes must not start two runs. */
let applying = Promise.resolve();
const reapply = () => {
  applying = applying.then(applySettings);
};

// The one listener that outlives a switched-off site: a change of the sites or the density is the
// cue to ask the background again (the background decides; storage is only the doorbell).
extension.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && (DENSITY_KEY in changes || SITES_KEY in changes)) reapply();
});
reapply();
