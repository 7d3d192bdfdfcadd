// Content script entry: badges coin mentions on the page and keeps their figures current.
import browser from 'webextension-polyfill';
import {
  type CoinContext,
  type CoinHistory,
  CoinHistoryAnswer,
  ContextsAnswer,
  DataChangedPush,
  ErrorAnswer,
  PinsAnswer,
  UPDATES_PORT,
} from '../messages';
import { BADGE_TAG, createBadge, renderBadge } from './badge';
import { isExchangeSite } from './exchange-url';
import { type Candidate, findCandidates } from './scanner';

const RECONNECT_DELAY_MS = 5_000;

/** Coins already badged per block: the first mention of a coin in a block gets the badge. */
const badgedCoins = new WeakMap<Element, Set<string>>();
/** Set when a mention found no figures (the worker had no data yet): a later update retries. */
let mentionsAwaitingData = false;

async function requestContexts(coins: readonly string[]): Promise<Map<string, CoinContext>> {
  if (coins.length === 0) return new Map();
  const answer = ContextsAnswer.safeParse(
    await browser.runtime.sendMessage({ type: 'getContext', coins }),
  );
  if (!answer.success) return new Map();
  return new Map(answer.data.contexts.map((context) => [context.coin, context]));
}

async function pinCoin(coin: string): Promise<boolean> {
  const answer = PinsAnswer.safeParse(await browser.runtime.sendMessage({ type: 'pinCoin', coin }));
  return answer.success && answer.data.pins.includes(coin);
}

async function loadHistory(coin: string): Promise<CoinHistory> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'getCoinHistory', coin });
  const parsed = CoinHistoryAnswer.safeParse(answer);
  if (parsed.success) return parsed.data.history;
  const error = ErrorAnswer.safeParse(answer);
  throw new Error(error.success ? error.data.error : 'unexpected answer from the background');
}

const HOVER_OPEN_DELAY_MS = 150;
const HOVER_CLOSE_DELAY_MS = 250;

/** Opens and closes the hover card; its module loads on first use only. */
function watchCardTriggers(signal: AbortSignal) {
  let card: Promise<typeof import('./card')> | null = null;
  let loaded: typeof import('./card') | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loadCard = () => {
    card ??= import('./card').then((module) => {
      loaded = module;
      return module;
    });
    return card;
  };
  const badgeOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest(BADGE_TAG) : null;

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
      const badge = badgeOf(event.target);
      if (badge) later(() => void open(badge, false), HOVER_OPEN_DELAY_MS);
    },
    options,
  );
  document.addEventListener(
    'mouseout',
    (event) => {
      if (badgeOf(event.target) || card)
        later(() => void closeUnlessOn(event.relatedTarget), HOVER_CLOSE_DELAY_MS);
    },
    options,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const badge = badgeOf(event.target);
      if (badge && !loaded?.isRestoringFocus()) void open(badge, true);
    },
    options,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const badge = badgeOf(event.target);
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

const isBadged = (candidate: Candidate) =>
  badgedCoins.get(candidate.block)?.has(candidate.mention.coin) ?? false;

function firstPerBlock(candidates: readonly Candidate[]): Candidate[] {
  const chosenIn = new Map<Element, Set<string>>();
  return candidates.filter((candidate) => {
    if (isBadged(candidate)) return false;
    const coins = chosenIn.get(candidate.block) ?? new Set<string>();
    chosenIn.set(candidate.block, coins);
    if (coins.has(candidate.mention.coin)) return false;
    coins.add(candidate.mention.coin);
    return true;
  });
}

function insertBadge(candidate: Candidate, context: CoinContext) {
  const { text, mention, link, block } = candidate;
  // Another pass may have badged this block meanwhile, or the page changed the text while we
  // were asking the background.
  if (isBadged(candidate)) return;
  if (!text.isConnected || text.data.slice(mention.start, mention.end) !== mention.text) return;
  const blockCoins = badgedCoins.get(block) ?? new Set<string>();
  blockCoins.add(mention.coin);
  badgedCoins.set(block, blockCoins);
  const badge = createBadge(text.ownerDocument, mention.coin);
  renderBadge(badge, context);
  if (link) {
    if (link.nextElementSibling?.tagName.toLowerCase() !== BADGE_TAG) link.after(badge);
    return;
  }
  text.splitText(mention.end).before(badge);
}

async function badgeSubtree(root: Element) {
  const candidates = firstPerBlock(findCandidates(root));
  const contexts = await requestContexts([...new Set(candidates.map((c) => c.mention.coin))]);
  // A coin with no figures may be unlisted, or the worker may not have its venue's data yet.
  if (candidates.some((candidate) => !contexts.has(candidate.mention.coin)))
    mentionsAwaitingData = true;
  // Right to left, so splitting a text node leaves the offsets of earlier mentions valid.
  for (const candidate of candidates.reverse()) {
    const context = contexts.get(candidate.mention.coin);
    if (context) insertBadge(candidate, context);
  }
}

async function onDataChanged() {
  await refreshBadges();
  if (mentionsAwaitingData) {
    mentionsAwaitingData = false;
    await badgeSubtree(document.body);
  }
}

async function refreshBadges() {
  const badges = [...document.querySelectorAll(BADGE_TAG)];
  const contexts = await requestContexts([
    ...new Set(badges.map((b) => b.getAttribute('coin') ?? '')),
  ]);
  for (const badge of badges) renderBadge(badge, contexts.get(badge.getAttribute('coin') ?? ''));
}

function listenForUpdates(signal: AbortSignal) {
  const port = browser.runtime.connect({ name: UPDATES_PORT });
  port.onMessage.addListener((message: unknown) => {
    if (DataChangedPush.safeParse(message).success) void onDataChanged();
  });
  // The worker sleeps and restarts; reconnect so that updates keep coming.
  port.onDisconnect.addListener(() => {
    if (!signal.aborted) setTimeout(() => listenForUpdates(signal), RECONNECT_DELAY_MS);
  });
  signal.addEventListener('abort', () => port.disconnect(), { once: true });
}

function watchForNewContent(signal: AbortSignal) {
  const pending = new Set<Element>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const roots = [...pending].filter((root) => root.isConnected);
    pending.clear();
    for (const root of roots) void badgeSubtree(root);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const element = node instanceof Element ? node : node.parentElement;
        if (element && element.tagName.toLowerCase() !== BADGE_TAG) pending.add(element);
      }
    }
    if (pending.size > 0 && !scheduled) {
      scheduled = true;
      requestIdleCallback(flush, { timeout: 500 });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

const lifetime = new AbortController();
listenForUpdates(lifetime.signal);
if (isExchangeSite(new URL(location.href))) {
  // On an exchange every ticker on screen is the page's own coin: one panel says it better than
  // a badge on each. The panel's module loads only there.
  void import('./exchange-panel').then(({ startExchangePanel }) =>
    startExchangePanel(lifetime.signal, async (coin) => (await requestContexts([coin])).get(coin)),
  );
} else {
  void badgeSubtree(document.body);
  watchForNewContent(lifetime.signal);
  watchCardTriggers(lifetime.signal);
}
