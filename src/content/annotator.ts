// Puts badges on a page's coin mentions under the user's density, in idle-time steps, keeps them
// current, follows content the page adds or changes through one MutationObserver, and takes
// everything back out when its signal aborts.
import {
  type Badged,
  chooseMentions,
  type Density,
  emptyBadged,
  isAlreadyBadged,
  recordBadge,
} from '../core/page-settings';
import type { CoinContext } from '../messages';
import { createBadge, renderBadge } from './badge';
import { createIdleQueue, type IdleQueue, type Job } from './idle-queue';
import { type Candidate, type Scan, scanSubtree } from './scanner';

export interface AnnotatorOptions {
  signal: AbortSignal;
  density: Density;
  requestContexts: (coins: readonly string[]) => Promise<Map<string, CoinContext>>;
}

export interface Annotator {
  /** Whether an element is one of our badges (a page may make its own <ll-badge>). */
  isOurs(element: Element): boolean;
  /** New figures from the background: redraw the badges, retry mentions that had none. */
  refresh(): Promise<void>;
}

interface OurBadge {
  /** The text node split to make room for the badge; merged back when the badge goes. */
  splitFrom: Text | null;
}

const placed = (candidate: Candidate) => ({
  coin: candidate.mention.coin,
  block: candidate.block,
  candidate,
});

/** Scans a list of subtrees, one text node or slice per step, then hands the candidates on. */
function scanJob(
  roots: readonly Node[],
  isOurs: (element: Element) => boolean,
  onDone: (candidates: Candidate[]) => void,
): Job {
  const pending = [...roots];
  const found: Candidate[] = [];
  let scan: Scan | null = null;
  return {
    step() {
      if (!scan) {
        const root = pending.shift();
        if (!root) {
          onDone(found);
          return true;
        }
        if (!root.isConnected) return false;
        scan = scanSubtree(root, isOurs);
      }
      const candidates = scan.step();
      if (candidates === null) scan = null;
      else found.push(...candidates);
      return false;
    },
  };
}

export function startAnnotator({ signal, density, requestContexts }: AnnotatorOptions): Annotator {
  const badges = new Map<Element, OurBadge>();
  const badged: Badged<Element> = emptyBadged();
  const queue: IdleQueue = createIdleQueue(signal);
  const isOurs = (element: Element) => badges.has(element);
  /** Set when a mention found no figures (the worker had no data yet): a later update retries. */
  let awaitingData = false;

  const observer = new MutationObserver((records) => {
    const roots = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') roots.add(record.target);
      for (const node of record.addedNodes) roots.add(node);
    }
    if (roots.size > 0) annotate([...roots]);
  });

  function insertBadge(candidate: Candidate, context: CoinContext) {
    const { text, mention, link } = candidate;
    // Another pass may have badged this coin meanwhile, or the page changed the text while we
    // were asking the background.
    if (isAlreadyBadged(placed(candidate), density, badged)) return;
    if (!text.isConnected || text.data.slice(mention.start, mention.end) !== mention.text) return;
    const after = link ?? text;
    // A re-read of a text node already badged at this spot (its text changed, or it was added
    // again) must not add a second badge.
    if (mention.end === text.data.length || link) {
      const next = after.nextSibling;
      if (next instanceof Element && isOurs(next) && next.getAttribute('coin') === mention.coin)
        return;
    }
    const badge = createBadge(text.ownerDocument, mention.coin);
    renderBadge(badge, context);
    if (link) {
      link.after(badge);
      badges.set(badge, { splitFrom: null });
    } else if (mention.end === text.data.length) {
      text.after(badge);
      badges.set(badge, { splitFrom: null });
    } else {
      text.splitText(mention.end).before(badge);
      badges.set(badge, { splitFrom: text });
    }
    recordBadge(placed(candidate), badged);
  }

  /** Inserts badges one per step, right to left within a text node so offsets stay valid. */
  function insertJob(candidates: Candidate[], contexts: Map<string, CoinContext>): Job {
    let next = candidates.length - 1;
    return {
      step() {
        const candidate = candidates[next];
        next -= 1;
        if (!candidate) return true;
        const context = contexts.get(candidate.mention.coin);
        if (context) insertBadge(candidate, context);
        // Our own insertions are not new content: drop the records they made.
        observer.takeRecords();
        return next < 0;
      },
    };
  }

  async function badgeCandidates(candidates: Candidate[]) {
    const chosen = chooseMentions(candidates.map(placed), density, badged).map(
      (entry) => entry.candidate,
    );
    if (chosen.length === 0 || signal.aborted) return;
    const contexts = await requestContexts([...new Set(chosen.map((c) => c.mention.coin))]);
    // A coin with no figures may be unlisted, or the worker may not have its venue's data yet.
    if (chosen.some((candidate) => !contexts.has(candidate.mention.coin))) awaitingData = true;
    queue.push(insertJob(chosen, contexts));
  }

  function annotate(roots: readonly Node[]) {
    if (density === 'off') return;
    queue.push(scanJob(roots, isOurs, (candidates) => void badgeCandidates(candidates)));
  }

  // An XML or SVG page has no body: its root element stands in.
  const page = document.body ?? document.documentElement;
  observer.observe(page, { childList: true, subtree: true, characterData: true });
  annotate([page]);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const [badge, { splitFrom }] of badges) {
        const next = badge.nextSibling;
        badge.remove();
        // Give the page back the text node it had before we split it.
        if (splitFrom?.isConnected && next instanceof Text && splitFrom.nextSibling === next) {
          splitFrom.appendData(next.data);
          next.remove();
        }
      }
      badges.clear();
    },
    { once: true },
  );

  return {
    isOurs,
    async refresh() {
      for (const badge of badges.keys()) if (!badge.isConnected) badges.delete(badge);
      const coins = [
        ...new Set([...badges.keys()].map((badge) => badge.getAttribute('coin') ?? '')),
      ];
      const contexts = await requestContexts(coins);
      if (signal.aborted) return;
      for (const badge of badges.keys())
        renderBadge(badge, contexts.get(badge.getAttribute('coin') ?? ''));
      if (awaitingData) {
        awaitingData = false;
        annotate([page]);
      }
    },
  };
}
