// Puts badges on a page's coin mentions under the user's density, in idle-time steps, keeps them
// current, and takes everything back out when its signal aborts. It reads only what is within
// reach of the viewport: the rest of the page, and content the page adds or changes (followed
// through one MutationObserver), is read when the reader scrolls near it. New blocks are watched
// in groups (./block-groups), then each block until it is read (./reach).
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
import { observeReach, watchBlockGroups } from './block-groups';
import { compareInDocument } from './document-order';
import { createIdleQueue, type IdleQueue, type Job } from './idle-queue';
import { createReach } from './reach';
import {
  BLOCK_SELECTOR,
  blockOf,
  type Candidate,
  insideSkipped,
  isBlock,
  isSkipped,
  type Scan,
  scanOwnText,
} from './scanner';

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

const inDocumentOrder = (a: Node, b: Node) => compareInDocument(a, b);

/**
 * Scans what `takeRoots` gives when the job starts (the blocks then within reach), one text node
 * or slice per step, then hands the candidates on in document order.
 */
function scanJob(
  takeRoots: () => Node[],
  isOurs: (element: Element) => boolean,
  onDone: (candidates: Candidate[]) => void,
): Job {
  let pending: Node[] | null = null;
  const found: Candidate[] = [];
  let scan: Scan | null = null;
  return {
    step() {
      pending ??= takeRoots();
      if (!scan) {
        const root = pending.shift();
        if (!root) {
          onDone(
            found.sort((a, b) =>
              a.text === b.text
                ? a.mention.start - b.mention.start
                : inDocumentOrder(a.text, b.text),
            ),
          );
          return true;
        }
        if (!root.isConnected) return false;
        scan = scanOwnText(root, isOurs);
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

  const readyBlocks = new Set<Element>();
  let readQueued = false;
  const intersection = observeReach((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (target.isConnected) reach.reached(target, isIntersecting);
      else reach.forget(target);
    }
  });
  const reach = createReach<Element, Node>({
    watch: (block) => intersection.observe(block),
    unwatch: (block) => intersection.unobserve(block),
    ready(block) {
      readyBlocks.add(block);
      if (readQueued) return;
      readQueued = true;
      queue.push(scanJob(takeReadyRoots, isOurs, badgeCandidates));
    },
  });

  /** The blocks within reach now, in document order: the whole block, or its new parts. */
  function takeReadyRoots(): Node[] {
    readQueued = false;
    const blocks = [...readyBlocks].sort(inDocumentOrder);
    readyBlocks.clear();
    return blocks.flatMap((block) => {
      const work = reach.take(block);
      if (!work) return [];
      return work.whole ? [block] : work.parts;
    });
  }

  // Blocks arrive in groups (the page at load, a batch the page added): watched by their ends.
  const groups = watchBlockGroups((blocks) => {
    for (const block of blocks) reach.readWhole(block);
  });

  /**
   * Everything under `root` is to be read: `root`'s own text (with its block's, if it is not a
   * block itself) and every block in it; the blocks go into `blocks`, to be watched in groups.
   */
  function readSubtree(root: Element, blocks: Element[]) {
    if (root === page) reach.readWhole(root);
    else if (isBlock(root)) blocks.push(root);
    else reach.readPart(blockOf(root), root);
    blocks.push(...root.querySelectorAll(BLOCK_SELECTOR));
  }

  /** Content the page added or changed: read when its block is within reach. */
  function readChanged(node: Node, blocks: Element[]) {
    if (node instanceof Element) {
      if (!isSkipped(node, isOurs) && !insideSkipped(node, isOurs)) readSubtree(node, blocks);
    } else if (node instanceof Text && !insideSkipped(node, isOurs)) {
      reach.readPart(blockOf(node), node);
    }
  }

  /** Content the page took out: its blocks are no longer watched (unless it was moved). */
  function forgetRemoved(node: Node) {
    if (!(node instanceof Element) || node.isConnected) return;
    for (const block of [node, ...node.querySelectorAll(BLOCK_SELECTOR)]) {
      reach.forget(block);
      groups.removed(block);
    }
  }

  function readPage() {
    const blocks: Element[] = [];
    readSubtree(page, blocks);
    groups.add(blocks);
  }

  const observer = new MutationObserver((records) => {
    if (density === 'off') return;
    const blocks: Element[] = [];
    for (const record of records) {
      if (record.type === 'characterData') readChanged(record.target, blocks);
      for (const node of record.removedNodes) forgetRemoved(node);
      for (const node of record.addedNodes) readChanged(node, blocks);
    }
    // In document order, so that a group's ends enclose it (a page may add above what it added).
    const present = blocks.filter((block) => block.isConnected);
    if (present.length > 0) groups.add(present.sort(inDocumentOrder));
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

  /**
   * Badges go in in the order their scans finished, so that "first per page" means the first in
   * document order among what has been read so far: a mention far down a page the reader opened
   * there is badged before one further up that is only read when the reader scrolls back.
   */
  let inOrder = Promise.resolve();
  function badgeCandidates(candidates: Candidate[]) {
    const chosen = chooseMentions(candidates.map(placed), density, badged).map(
      (entry) => entry.candidate,
    );
    if (chosen.length === 0 || signal.aborted) return;
    const asked = requestContexts([...new Set(chosen.map((c) => c.mention.coin))]);
    inOrder = inOrder.then(async () => {
      const contexts = await asked.catch(() => new Map<string, CoinContext>());
      // A coin with no figures may be unlisted, or the worker may not have its venue's data yet
      // (or could not be asked): the next update reads the page again.
      if (chosen.some((candidate) => !contexts.has(candidate.mention.coin))) awaitingData = true;
      queue.push(insertJob(chosen, contexts));
    });
  }

  // An XML or SVG page has no body: its root element stands in.
  const page = document.body ?? document.documentElement;
  observer.observe(page, { childList: true, subtree: true, characterData: true });
  if (density !== 'off') readPage();

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      intersection.disconnect();
      groups.disconnect();
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
        readPage();
      }
    },
  };
}
