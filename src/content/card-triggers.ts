// The hover card's triggers: hover, focus and Enter/Space on one of our badges.
import type { CoinContext } from '../messages';
import { BADGE_TAG } from './badge';

const HOVER_OPEN_DELAY_MS = 150;
const HOVER_CLOSE_DELAY_MS = 250;

/**
 * Opens and closes the hover card; its module loads on first use only. Only our own badges open
 * it (a page may make <ll-badge> elements of its own), and only on the user's own input: events a
 * page script dispatches are not trusted and are ignored.
 */
export function watchCardTriggers(
  signal: AbortSignal,
  isOurs: (element: Element) => boolean,
  requestContexts: (coins: readonly string[]) => Promise<Map<string, CoinContext>>,
  pinCoin: (coin: string) => Promise<boolean>,
) {
  let card: Promise<typeof import('./card')> | null = null;
  let loaded: typeof import('./card') | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loadHistory = async (coin: string) => (await import('./ask-history')).loadHistory(coin);
  const loadCard = () => {
    card ??= import('./card').then((module) => {
      loaded = module;
      return module;
    });
    return card;
  };
  const badgeOf = (target: EventTarget | null) => {
    const badge = target instanceof Element ? target.closest(BADGE_TAG) : null;
    return badge && isOurs(badge) ? badge : null;
  };

  async function open(badge: Element, byKeyboard: boolean) {
    const coin = badge.getAttribute('coin') ?? '';
    const [module, contexts] = await Promise.all([loadCard(), requestContexts([coin])]);
    const context = contexts.get(coin);
    if (context && badge.isConnected)
      module.showCard(badge, context, { byKeyboard, onPin: pinCoin, loadHistory });
  }
  const later = (action: () => void, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(action, delay);
  };
  const closeUnlessOn = async (next: EventTarget | null) => {
    const module = await loadCard();
    if (!badgeOf(next) && !module.cardContains(next)) module.closeCard();
  };
  const options = { signal, capture: true };
  document.addEventListener(
    'mouseover',
    (event) => {
      const badge = event.isTrusted ? badgeOf(event.target) : null;
      if (badge) later(() => void open(badge, false), HOVER_OPEN_DELAY_MS);
    },
    options,
  );
  document.addEventListener(
    'mouseout',
    (event) => {
      if (event.isTrusted && (badgeOf(event.target) || card))
        later(() => void closeUnlessOn(event.relatedTarget), HOVER_CLOSE_DELAY_MS);
    },
    options,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const badge = event.isTrusted ? badgeOf(event.target) : null;
      if (badge && !loaded?.isRestoringFocus()) void open(badge, true);
    },
    options,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const badge = event.isTrusted ? badgeOf(event.target) : null;
      if (badge && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        void open(badge, true);
      }
    },
    options,
  );
  signal.addEventListener('abort', () => void card?.then((module) => module.closeCard()), {
    once: true,
  });
}
