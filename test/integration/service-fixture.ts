// A background service as the worker builds it, but in Node: storage in memory, IndexedDB from
// fake-indexeddb, sockets from `ws`, and a clock the test moves.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { openDatabase } from '../../src/background/database';
import { createMessageHandler } from '../../src/background/handlers';
import { createService } from '../../src/background/service';
import { createSiteSettings } from '../../src/background/sites';
import type { KeyValueStore } from '../../src/background/state';
import { DEFAULT_SIGNAL_SETTINGS, type SignalSettings } from '../../src/core/settings';
import type { ToolbarMode } from '../../src/core/toolbar';
import { DEFAULT_VENUE_SETTINGS, type VenueSettings } from '../../src/core/venue-settings';
import type { FetchLike } from '../../src/venues/client';
import type { Venue } from '../../src/venues/venue';
import { memoryStore } from './memory-store';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const popupSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/popup/index.html` };
export const contentSender = {
  id: EXTENSION_ID,
  url: 'https://news.example/article',
  tab: { id: 7 },
};

const running: Array<{ stop(): void }> = [];
afterEach(() => {
  for (const service of running.splice(0)) service.stop();
});

let databases = 0;

export interface TestServiceOptions {
  origin: string;
  venues: readonly Venue[];
  store?: KeyValueStore;
  /** Reuse a database (a restarted worker); a fresh one by default. */
  dbName?: string;
  fetch?: FetchLike;
  settings?: SignalSettings;
  /** A frozen clock starting here that only `advance` moves; the real clock when absent. */
  start?: number;
}

export async function createTestService(options: TestServiceOptions) {
  let frozen = options.start;
  const now = () => frozen ?? Date.now();
  const store = options.store ?? memoryStore();
  const dbName = options.dbName ?? `test-${process.pid}-${databases++}`;
  let changes = 0;
  let pins: string[] = [];
  let alertsOn = false;
  let toolbarMode: ToolbarMode = { kind: 'market-liquidations-1h' };
  let savedSettings = options.settings ?? DEFAULT_SIGNAL_SETTINGS;
  let venueSettings: VenueSettings = DEFAULT_VENUE_SETTINGS;
  /** When set, every storage.sync write fails with this message, as Chrome's quota errors do. */
  let syncError: string | null = null;
  const syncWrite = async () => {
    if (syncError) throw new Error(syncError);
  };
  const service = createService({
    venues: options.venues,
    store,
    db: await openDatabase(dbName),
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    openSocket: (url) => new WebSocket(url),
    venueOrigin: options.origin,
    onChange: () => {
      changes += 1;
    },
    settings: async () => savedSettings,
    now,
  });
  running.push(service);
  await service.start();
  const syncStorage = new Map<string, unknown>();
  const handle = createMessageHandler({
    service,
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    refresh: async () => ({ polled: await service.pollDue(true) }),
    alerts: {
      enabled: async () => alertsOn,
      setEnabled: async (enabled) => {
        alertsOn = enabled;
      },
    },
    toolbar: {
      load: async () => toolbarMode,
      save: async (mode) => {
        toolbarMode = mode;
      },
    },
    pins: {
      load: async () => [...pins],
      save: async (next) => {
        pins = [...next];
      },
    },
    settings: {
      load: async () => savedSettings,
      save: async (settings) => {
        await syncWrite();
        savedSettings = settings;
      },
    },
    venues: {
      load: async () => venueSettings,
      save: async (settings) => {
        await syncWrite();
        venueSettings = settings;
        await service.setDisabled(settings.disabled);
      },
    },
    sites: createSiteSettings({
      curatedPatterns: [],
      read: async (key) => syncStorage.get(key),
      write: async (key, value) => {
        syncStorage.set(key, value);
      },
      hasHostPermission: async () => false,
      registerFor: async () => undefined,
    }),
  });
  return {
    service,
    handle,
    store,
    dbName,
    changes: () => changes,
    failSyncWrites(message: string | null) {
      syncError = message;
    },
    advance(ms: number) {
      if (frozen === undefined) throw new Error('advance needs a frozen clock (options.start)');
      frozen += ms;
    },
    now,
  };
}
