// The service worker: wires the service (polls, streams, stores, answers) to the browser.
import browser, { type Runtime } from 'webextension-polyfill';
import { alertNotice, readAlertState, startedSignals } from '../core/alerts';
import { siteOf } from '../core/page-settings';
import { DEFAULT_SIGNAL_SETTINGS, parseSignalSettings } from '../core/settings';
import { type ToolbarMode, toolbarBadge } from '../core/toolbar';
import { DEFAULT_VENUE_SETTINGS, parseVenueSettings } from '../core/venue-settings';
import {
  type BackgroundToClient,
  type RefreshAnswer,
  ToolbarMode as ToolbarModeSchema,
  UPDATES_PORT,
} from '../messages';
import { VENUES } from '../venues/index';
import { words } from '../words';
import { openDatabase } from './database';
import {
  type AlertsStore,
  createMessageHandler,
  type PinsStore,
  type SettingsStore,
  type ToolbarStore,
  type VenueSettingsStore,
} from './handlers';
import { createService } from './service';
import { browserSiteSettings } from './site-registration';
import type { KeyValueStore } from './state';
import { parseStoredPins } from './stored-pins';

const POLL_ALARM = 'll-poll';
const PRUNE_ALARM = 'll-prune';
/** Liquidations are written to IndexedDB this often: the most a worker crash can lose. */
const FLUSH_INTERVAL_MS = 2_000;

const localStore: KeyValueStore = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (entries) => browser.storage.local.set(entries),
};

const SETTINGS_KEY = 'signalSettings';

/** The user's thresholds from storage.sync; defaults where none (or none valid) are stored. */
async function loadSignalSettings() {
  const parsed = parseSignalSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  return parsed.ok ? parsed.settings : DEFAULT_SIGNAL_SETTINGS;
}

const settingsStore: SettingsStore = {
  load: loadSignalSettings,
  save: (settings) => browser.storage.sync.set({ [SETTINGS_KEY]: settings }),
};

const PINS_KEY = 'pins';

const pinsStore: PinsStore = {
  load: async () => parseStoredPins((await browser.storage.sync.get(PINS_KEY))[PINS_KEY]),
  save: (pins) => browser.storage.sync.set({ [PINS_KEY]: pins }),
};

const VENUES_KEY = 'venues';

/** The venues switched off, from storage.sync; all on where nothing (or nothing valid) is stored. */
async function loadVenueSettings() {
  const parsed = parseVenueSettings((await browser.storage.sync.get(VENUES_KEY))[VENUES_KEY]);
  return parsed.ok ? parsed.settings : DEFAULT_VENUE_SETTINGS;
}

const venueSettingsStore: VenueSettingsStore = {
  load: loadVenueSettings,
  async save(settings) {
    await browser.storage.sync.set({ [VENUES_KEY]: settings });
    // Applied here too, not only on storage.onChanged, so the answer's next question sees it.
    await (await service).setDisabled(settings.disabled);
  },
};

const TOOLBAR_KEY = 'toolbarMode';
const DEFAULT_TOOLBAR_MODE: ToolbarMode = { kind: 'market-liquidations-1h' };

const toolbarStore: ToolbarStore = {
  async load() {
    const parsed = ToolbarModeSchema.safeParse(
      (await browser.storage.sync.get(TOOLBAR_KEY))[TOOLBAR_KEY],
    );
    return parsed.success ? parsed.data : DEFAULT_TOOLBAR_MODE;
  },
  save: (mode) => browser.storage.sync.set({ [TOOLBAR_KEY]: mode }),
};

/** Redraws the toolbar badge from the current figures, in the user's chosen mode and language. */
async function updateToolbar() {
  const ready = await service;
  const mode = await toolbarStore.load();
  const market = mode.kind === 'market-liquidations-1h' ? await ready.market() : null;
  const [coin] = mode.kind === 'coin-oi-change-24h' ? await ready.contexts([mode.coin]) : [];
  const badge = toolbarBadge(mode, market, coin ?? null, words);
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setTitle({ title: badge.title });
}

const ALERTS_KEY = 'notifications';
const ALERT_STATE_KEY = 'alertState';

const alertsStore: AlertsStore = {
  enabled: async () => (await browser.storage.sync.get(ALERTS_KEY))[ALERTS_KEY] === true,
  setEnabled: (enabled) => browser.storage.sync.set({ [ALERTS_KEY]: enabled }),
};

/**
 * Notifies, once per episode, the signals that started for pinned coins since the last look.
 * Looks run one after another: two overlapping ones would both read the same last state.
 */
let alertsChecked: Promise<void> = Promise.resolve();
function checkAlerts() {
  alertsChecked = alertsChecked.then(lookForAlerts).catch((error: unknown) => {
    console.warn('Leverage Lens: notification check failed', error);
  });
}

async function lookForAlerts() {
  if (!(await alertsStore.enabled())) return;
  const ready = await service;
  const pins = await pinsStore.load();
  const contexts = pins.length ? await ready.contexts(pins) : [];
  const { alerts, next } = startedSignals(
    readAlertState((await browser.storage.local.get(ALERT_STATE_KEY))[ALERT_STATE_KEY]),
    Object.fromEntries(contexts.map((context) => [context.coin, context.signals])),
    Date.now(),
  );
  await browser.storage.local.set({ [ALERT_STATE_KEY]: next });
  for (const alert of alerts) {
    await browser.notifications.create(`ll:${alert.coin}:${alert.signal.id}:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      ...alertNotice(alert, words),
    });
  }
}

// A click opens the popup's page on the coin.
browser.notifications.onClicked.addListener((id) => {
  const [, coin] = id.split(':');
  void browser.tabs.create({
    url: browser.runtime.getURL(`src/popup/index.html#coin=${coin ?? ''}`),
  });
  void browser.notifications.clear(id);
});

const ports = new Set<Runtime.Port>();

function broadcast(push: BackgroundToClient) {
  for (const port of ports) port.postMessage(push);
}

const notifyClients = () => {
  broadcast({ type: 'dataChanged', asOf: Date.now() });
  void updateToolbar();
  checkAlerts();
};

// Service workers may not await at the top level, and must register their listeners
// synchronously: the service is a promise that every listener waits for.
const service = openDatabase().then(async (db) => {
  const created = createService({
    venues: VENUES,
    store: localStore,
    db,
    fetch: (url, init) => fetch(url, init),
    openSocket: (url) => new WebSocket(url),
    venueOrigin: __LL_VENUE_ORIGIN__,
    onChange: notifyClients,
    settings: loadSignalSettings,
  });
  await created.setDisabled((await loadVenueSettings()).disabled);
  await created.start();
  return created;
});

async function pollAndNotify(manual = false): Promise<RefreshAnswer> {
  const polled = await (await service).pollDue(manual);
  if (polled.length > 0) notifyClients();
  return { polled };
}

async function ensureAlarm(name: string, periodInMinutes: number) {
  // Re-creating an existing alarm would push its next run back, so only create a missing one.
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes });
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM) void pollAndNotify();
  if (alarm.name === PRUNE_ALARM) void service.then((ready) => ready.prune());
});

const sites = browserSiteSettings();
// The registration persists across restarts; this catches a permission taken back meanwhile.
void sites.reconcile();
browser.permissions.onRemoved.addListener((removed) => void sites.forget(removed.origins ?? []));
// The popup asks for a site's permission, but Chrome may close the popup while its dialog is
// up: the grant itself adds the site, whether or not the popup lived to say so.
browser.permissions.onAdded.addListener((added) => {
  for (const pattern of added.origins ?? []) {
    const site = siteOf(pattern.replace(/\*$/, ''));
    if (site && !site.includes('*')) void sites.add(site);
  }
});

const handle = service.then((ready) =>
  createMessageHandler({
    service: ready,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    refresh: () => pollAndNotify(true),
    settings: settingsStore,
    pins: pinsStore,
    toolbar: toolbarStore,
    alerts: alertsStore,
    venues: venueSettingsStore,
    sites,
  }),
);
browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) =>
  (await handle)(message, sender),
);

// Pins and settings sync across the user's browsers: another browser's change shows here too.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync') return;
  if (VENUES_KEY in changes) {
    void service
      .then(async (ready) => ready.setDisabled((await loadVenueSettings()).disabled))
      .then(notifyClients);
    return;
  }
  notifyClients();
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== UPDATES_PORT || port.sender?.id !== browser.runtime.id) {
    port.disconnect();
    return;
  }
  ports.add(port);
  port.onDisconnect.addListener(() => ports.delete(port));
});

setInterval(() => void service.then((ready) => ready.flush()), FLUSH_INTERVAL_MS);

// Every start of the worker (install, browser start, wake-up after being stopped) polls what is
// due at once rather than waiting up to a minute for the alarm.
void ensureAlarm(POLL_ALARM, 1);
void ensureAlarm(PRUNE_ALARM, 60);
void pollAndNotify();
