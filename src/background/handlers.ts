// Answers runtime messages. Every sender is checked and every message parsed by the schema of
// its direction: a web page's content script may ask for figures, only our own pages may do more.
import { buildCoinContext, buildMarketContext } from '../core/context';
import { presentStatus } from '../core/venue-status';
import {
  type CoinContext,
  ContentToBackground,
  type ContextsAnswer,
  type ErrorAnswer,
  type MarketContext,
  PopupToBackground,
  type RefreshAnswer,
  type StatusAnswer,
} from '../messages';
import type { Poller } from './poller';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Answer = ContextsAnswer | MarketContext | StatusAnswer | RefreshAnswer | ErrorAnswer;

interface HandlerOptions {
  poller: Poller;
  extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…`): the origin of our own pages. */
  extensionOrigin: string;
  /** Polls what is due and tells listeners; the same path the alarm takes. */
  refresh: () => Promise<RefreshAnswer>;
  now?: () => number;
}

type Origin = 'content' | 'extension-page';

function classify(sender: MessageSender, options: HandlerOptions): Origin | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  return sender.tab ? 'content' : null;
}

export function createMessageHandler(options: HandlerOptions) {
  const { poller, now = Date.now } = options;

  async function contexts(coins: readonly string[]): Promise<ContextsAnswer> {
    const snapshots = await poller.snapshots();
    const unique = [...new Set(coins.map((coin) => coin.toUpperCase()))];
    return {
      contexts: unique
        .map((coin) => buildCoinContext(coin, snapshots))
        .filter((context): context is CoinContext => context !== null),
    };
  }

  return async function handle(message: unknown, sender: MessageSender): Promise<Answer> {
    const origin = classify(sender, options);
    if (!origin) return { error: 'sender not allowed' };
    const schema = origin === 'content' ? ContentToBackground : PopupToBackground;
    const parsed = schema.safeParse(message);
    if (!parsed.success)
      return { error: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
    const request = parsed.data as PopupToBackground;
    switch (request.type) {
      case 'getContext':
        return contexts(request.coins);
      case 'getMarket':
        return buildMarketContext(await poller.snapshots());
      case 'getStatus':
        return { venues: (await poller.statuses()).map((status) => presentStatus(status, now())) };
      case 'refresh':
        return options.refresh();
    }
  };
}
