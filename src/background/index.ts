// The service worker: wires the poller, the message handler and the update ports to the browser.
import browser, { type Runtime } from 'webextension-polyfill';
import { type BackgroundToClient, type RefreshAnswer, UPDATES_PORT } from '../messages';
import { bybit } from '../venues/bybit';
import { createMessageHandler } from './handlers';
import { createPoller } from './poller';
import { createStateStore, type KeyValueStore } from './state';

const POLL_ALARM = 'll-poll';

const localStore: KeyValueStore = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (entries) => browser.storage.local.set(entries),
};

const poller = createPoller({
  venues: [bybit],
  state: createStateStore(localStore),
  fetch: (url, init) => fetch(url, init),
  venueOrigin: __LL_VENUE_ORIGIN__,
});

const ports = new Set<Runtime.Port>();

function broadcast(push: BackgroundToClient) {
  for (const port of ports) port.postMessage(push);
}

async function pollAndNotify(manual = false): Promise<RefreshAnswer> {
  const polled = await poller.pollDue({ manual });
  if (polled.length > 0) broadcast({ type: 'dataChanged', asOf: Date.now() });
  return { polled };
}

async function ensureAlarm() {
  // Re-creating an existing alarm would push its next run back, so only create a missing one.
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1 });
  }
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM) void pollAndNotify();
});

const handle = createMessageHandler({
  poller,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  refresh: () => pollAndNotify(true),
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  handle(message, sender),
);

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== UPDATES_PORT || port.sender?.id !== browser.runtime.id) {
    port.disconnect();
    return;
  }
  ports.add(port);
  port.onDisconnect.addListener(() => ports.delete(port));
});

// Every start of the worker (install, browser start, wake-up after being stopped) polls what is
// due at once rather than waiting up to a minute for the alarm.
void ensureAlarm();
void pollAndNotify();
