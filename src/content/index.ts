// Content script entry: badges coin mentions on the page and keeps their figures current.
import browser from 'webextension-polyfill';
import { type CoinContext, ContextsAnswer, DataChangedPush, UPDATES_PORT } from '../messages';
import { BADGE_TAG, createBadge, renderBadge } from './badge';
import { type Candidate, findCandidates } from './scanner';

const RECONNECT_DELAY_MS = 5_000;

/** Coins already badged per block: the first mention of a coin in a block gets the badge. */
const badgedCoins = new WeakMap<Element, Set<string>>();

async function requestContexts(coins: readonly string[]): Promise<Map<string, CoinContext>> {
  if (coins.length === 0) return new Map();
  const answer = ContextsAnswer.safeParse(
    await browser.runtime.sendMessage({ type: 'getContext', coins }),
  );
  if (!answer.success) return new Map();
  return new Map(answer.data.contexts.map((context) => [context.coin, context]));
}

function firstPerBlock(candidates: readonly Candidate[]): Candidate[] {
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    const coins = badgedCoins.get(candidate.block) ?? new Set<string>();
    if (coins.has(candidate.mention.coin)) continue;
    coins.add(candidate.mention.coin);
    badgedCoins.set(candidate.block, coins);
    chosen.push(candidate);
  }
  return chosen;
}

function insertBadge(candidate: Candidate, context: CoinContext) {
  const { text, mention, link } = candidate;
  // The page may have changed the text while we were asking the background.
  if (!text.isConnected || text.data.slice(mention.start, mention.end) !== mention.text) return;
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
  // Right to left, so splitting a text node leaves the offsets of earlier mentions valid.
  for (const candidate of candidates.reverse()) {
    const context = contexts.get(candidate.mention.coin);
    if (context) insertBadge(candidate, context);
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
    if (DataChangedPush.safeParse(message).success) void refreshBadges();
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
void badgeSubtree(document.body);
watchForNewContent(lifetime.signal);
listenForUpdates(lifetime.signal);
