// Answers runtime messages. Every sender is checked and every message parsed by the schema of
// its direction: a web page's content script may ask for figures, only our own pages may do more.
import { siteOf } from '../core/page-settings';
import { changedPins, type PinChange } from '../core/pin-order';
import {
  DEFAULT_SIGNAL_SETTINGS,
  parseSignalSettings,
  type SignalSettings,
} from '../core/settings';
import type { ToolbarMode } from '../core/toolbar';
import { parseVenueSettings, type VenueSettings } from '../core/venue-settings';
import {
  type AlertsAnswer,
  type CoinHistoryAnswer,
  type CoinsAnswer,
  ContentToBackground,
  type ContextsAnswer,
  type ErrorAnswer,
  type FieldErrorsAnswer,
  type MarketContext,
  type NoFiguresAnswer,
  type PageSettingsAnswer,
  type PinsAnswer,
  PopupToBackground,
  type RefreshAnswer,
  type SignalSettingsAnswer,
  type SiteSettingsAnswer,
  type StatusAnswer,
  type ToolbarModeAnswer,
  type VenueId,
  type VenueSettingsAnswer,
} from '../messages';
import type { Service } from './service';
import type { SiteSettings } from './sites';
import { createWriteQueue } from './write-queue';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Answer =
  | ContextsAnswer
  | CoinHistoryAnswer
  | MarketContext
  | StatusAnswer
  | RefreshAnswer
  | SignalSettingsAnswer
  | PinsAnswer
  | ToolbarModeAnswer
  | AlertsAnswer
  | VenueSettingsAnswer
  | CoinsAnswer
  | NoFiguresAnswer
  | FieldErrorsAnswer
  | PageSettingsAnswer
  | SiteSettingsAnswer
  | ErrorAnswer;

/** Whether desktop notifications are on (storage.sync; off by default). */
export interface AlertsStore {
  enabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/** Where the toolbar badge's mode lives (storage.sync), and how to redraw the badge. */
export interface ToolbarStore {
  load(): Promise<ToolbarMode>;
  save(mode: ToolbarMode): Promise<void>;
}

/** Where the user's pinned coins live (storage.sync in the worker), in the user's order. */
export interface PinsStore {
  load(): Promise<string[]>;
  /** Rejects with a message the user can act on (quota, sync disabled, …). */
  save(pins: string[]): Promise<void>;
}

/** Where the user's thresholds live (storage.sync in the worker). */
export interface SettingsStore {
  load(): Promise<SignalSettings>;
  /** Rejects with a message the user can act on (quota, sync disabled, …). */
  save(settings: SignalSettings): Promise<void>;
}

/** Which venues are switched off (storage.sync); saving also applies it to the service. */
export interface VenueSettingsStore {
  load(): Promise<VenueSettings>;
  /** Rejects with a message the user can act on (quota, sync disabled, …). */
  save(settings: VenueSettings): Promise<void>;
}

interface HandlerOptions {
  service: Pick<
    Service,
    'contexts' | 'market' | 'health' | 'listedCoins' | 'coinHistory' | 'whyNoFigures'
  >;
  extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…`): the origin of our own pages. */
  extensionOrigin: string;
  /** Polls what is due and tells listeners; the same path the alarm takes. */
  refresh: () => Promise<RefreshAnswer>;
  settings: SettingsStore;
  pins: PinsStore;
  toolbar: ToolbarStore;
  alerts: AlertsStore;
  venues: VenueSettingsStore;
  sites: SiteSettings;
}

type Origin = 'content' | 'extension-page';

function classify(sender: MessageSender, options: HandlerOptions): Origin | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content' : null;
}

/** Applies a pin change to the pins as stored; saves only what changed. */
async function updatePins(store: PinsStore, request: PinChange): Promise<PinsAnswer | ErrorAnswer> {
  const current = await store.load();
  const changed = changedPins(current, request);
  if ('error' in changed) return changed;
  const same =
    changed.pins.length === current.length &&
    changed.pins.every((coin, index) => coin === current[index]);
  if (same) return changed;
  return savedOrError('pins', async () => {
    await store.save(changed.pins);
    return changed;
  });
}

const saveSignalSettings = (store: SettingsStore, settings: SignalSettings) =>
  savedOrError('settings', async (): Promise<SignalSettingsAnswer> => {
    await store.save(settings);
    return { settings };
  });

/** Switches venues off (the rest on), refusing what the venue settings' schema refuses. */
async function saveDisabledVenues(
  store: VenueSettingsStore,
  disabled: readonly VenueId[],
): Promise<VenueSettingsAnswer | ErrorAnswer> {
  const checked = parseVenueSettings({ disabled });
  if (!checked.ok) return { error: checked.error };
  const { settings } = checked;
  return savedOrError('venue setting', async () => {
    await store.save(settings);
    return settings;
  });
}

/** Runs a change; a storage failure (quota, sync off) becomes an answer the popup can show. */
async function savedOrError<T>(what: string, change: () => Promise<T>): Promise<T | ErrorAnswer> {
  try {
    return await change();
  } catch (error) {
    return { error: `${what} not saved: ${(error as Error).message}` };
  }
}

export function createMessageHandler(options: HandlerOptions) {
  const { service } = options;
  // Pins and venue switches are read, changed and written back: one change of each at a time.
  const serialize = createWriteQueue();
  return async function handle(message: unknown, sender: MessageSender): Promise<Answer> {
    const origin = classify(sender, options);
    if (!origin) return { error: 'sender not allowed' };
    const schema = origin === 'content' ? ContentToBackground : PopupToBackground;
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      return { error: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    }
    const request = parsed.data as PopupToBackground | ContentToBackground;
    switch (request.type) {
      case 'getContext':
        return { contexts: await service.contexts(request.coins) };
      case 'getCoinHistory':
        return { history: await service.coinHistory(request.coin) };
      case 'getMarket':
        return service.market();
      case 'getStatus':
        return { venues: await service.health() };
      case 'refresh':
        return options.refresh();
      case 'getPins':
        return { pins: await options.pins.load() };
      case 'pinCoin':
      case 'unpinCoin':
      case 'movePin':
      case 'stepPin':
        return serialize('pins', () => updatePins(options.pins, request));
      case 'getAlerts':
        return { enabled: await options.alerts.enabled() };
      case 'setAlerts':
        return savedOrError('notification setting', async () => {
          await options.alerts.setEnabled(request.enabled);
          return { enabled: request.enabled };
        });
      case 'getToolbarMode':
        return { mode: await options.toolbar.load() };
      case 'setToolbarMode':
        return savedOrError('toolbar setting', async () => {
          await options.toolbar.save(request.mode);
          return { mode: request.mode };
        });
      case 'getPageSettings':
        // The page's own URL as the browser reports it: a page cannot claim to be another site.
        return options.sites.forPage(siteOf(sender.url));
      case 'getSiteSettings':
        return options.sites.all();
      case 'setDensity':
        return savedOrError('density', () => options.sites.setDensity(request.density));
      case 'setSiteEnabled':
        return savedOrError('site switch', () =>
          options.sites.setEnabled(request.site, request.enabled),
        );
      case 'addSite':
        return savedOrError('site', () => options.sites.add(request.site));
      case 'getSignalSettings':
        return { settings: await options.settings.load() };
      case 'setSignalSettings': {
        const checked = parseSignalSettings(request.settings);
        if (!checked.ok) return { error: checked.error, fields: checked.fields };
        return saveSignalSettings(options.settings, checked.settings);
      }
      case 'resetSignalSettings':
        return saveSignalSettings(options.settings, DEFAULT_SIGNAL_SETTINGS);
      case 'getVenueSettings':
        return options.venues.load();
      case 'setVenueSettings':
        return serialize('venues', () => saveDisabledVenues(options.venues, request.disabled));
      case 'setVenueEnabled':
        return serialize('venues', async () => {
          const others = (await options.venues.load()).disabled.filter(
            (venue) => venue !== request.venue,
          );
          return saveDisabledVenues(
            options.venues,
            request.enabled ? others : [...others, request.venue],
          );
        });
      case 'getCoins':
        return { coins: await service.listedCoins() };
      case 'whyNoFigures':
        return { coins: await service.whyNoFigures(request.coins) };
    }
  };
}
