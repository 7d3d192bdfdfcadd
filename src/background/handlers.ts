// Answers runtime messages. Every sender is checked and every message parsed by the schema of
// its direction: a web page's content script may ask for figures, only our own pages may do more.
import { parseSignalSettings, type SignalSettings } from '../core/settings';
import {
  ContentToBackground,
  type ContextsAnswer,
  type ErrorAnswer,
  type MarketContext,
  PopupToBackground,
  type RefreshAnswer,
  type SignalSettingsAnswer,
  type StatusAnswer,
} from '../messages';
import type { Service } from './service';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Answer =
  | ContextsAnswer
  | MarketContext
  | StatusAnswer
  | RefreshAnswer
  | SignalSettingsAnswer
  | ErrorAnswer;

/** Where the user's thresholds live (storage.sync in the worker). */
export interface SettingsStore {
  load(): Promise<SignalSettings>;
  /** Rejects with a message the user can act on (quota, sync disabled, …). */
  save(settings: SignalSettings): Promise<void>;
}

interface HandlerOptions {
  service: Pick<Service, 'contexts' | 'market' | 'health'>;
  extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…`): the origin of our own pages. */
  extensionOrigin: string;
  /** Polls what is due and tells listeners; the same path the alarm takes. */
  refresh: () => Promise<RefreshAnswer>;
  settings: SettingsStore;
}

type Origin = 'content' | 'extension-page';

function classify(sender: MessageSender, options: HandlerOptions): Origin | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content' : null;
}

export function createMessageHandler(options: HandlerOptions) {
  const { service } = options;
  return async function handle(message: unknown, sender: MessageSender): Promise<Answer> {
    const origin = classify(sender, options);
    if (!origin) return { error: 'sender not allowed' };
    const schema = origin === 'content' ? ContentToBackground : PopupToBackground;
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      return { error: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    }
    const request = parsed.data as PopupToBackground;
    switch (request.type) {
      case 'getContext':
        return { contexts: await service.contexts(request.coins) };
      case 'getMarket':
        return service.market();
      case 'getStatus':
        return { venues: await service.health() };
      case 'refresh':
        return options.refresh();
      case 'getSignalSettings':
        return { settings: await options.settings.load() };
      case 'setSignalSettings': {
        const checked = parseSignalSettings(request.settings);
        if (!checked.ok) return { error: checked.error };
        try {
          await options.settings.save(checked.settings);
        } catch (error) {
          return { error: `settings not saved: ${(error as Error).message}` };
        }
        return { settings: checked.settings };
      }
    }
  };
}
