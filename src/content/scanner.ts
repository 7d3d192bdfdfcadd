// Walks a subtree for coin mentions in text the user reads, and decides where each badge goes.
import { detectMentions, type Mention } from './detector';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
]);

const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'DD',
  'DT',
  'TD',
  'TH',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'CAPTION',
  'SUMMARY',
  'ARTICLE',
  'SECTION',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'NAV',
  'DIV',
  'BODY',
]);

/** The blocks' tag names as a selector, to find every block of a subtree in one native query. */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].map((tag) => tag.toLowerCase()).join(',');

export const isBlock = (element: Element) => BLOCK_TAGS.has(element.tagName);

export interface Candidate {
  text: Text;
  mention: Mention;
  /** The element whose first mention of a coin gets the badge (default density). */
  block: Element;
  /** A link containing the mention: the badge goes after it, not inside it. */
  link: Element | null;
}

/**
 * Text nodes longer than this are read in slices, so that one step of a scan stays a few
 * milliseconds even on a page with megabytes in one text node.
 */
export const SLICE_CHARS = 16_384;
/** How far past a slice's end a sentence or line break is looked for, to cut between mentions. */
const BREAK_SEARCH_CHARS = 512;

/** Where to end a slice that starts at `from`: at a line or sentence break, else at a space. */
function sliceEnd(data: string, from: number): number {
  const limit = from + SLICE_CHARS;
  if (limit >= data.length) return data.length;
  const window = data.slice(limit, limit + BREAK_SEARCH_CHARS);
  for (const separator of ['\n', '. ', ' ']) {
    const at = window.indexOf(separator);
    if (at >= 0) return limit + at + separator.length;
  }
  return limit;
}

export function isSkipped(element: Element, isOurs: (element: Element) => boolean): boolean {
  if (isOurs(element)) return true;
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * The block a node's text belongs to: its nearest block ancestor, else the page's root (the body,
 * or the root element of a page without one). Text is read and badged per block.
 */
export function blockOf(node: Node): Element {
  let element = node.parentElement;
  while (element && !isBlock(element)) element = element.parentElement;
  const doc = node.ownerDocument;
  return element ?? doc?.body ?? doc?.documentElement ?? (node.parentElement as Element);
}

export function insideSkipped(node: Node, isOurs: (element: Element) => boolean): boolean {
  for (let at = node.parentElement; at; at = at.parentElement)
    if (isSkipped(at, isOurs)) return true;
  return false;
}

/** A scan of a subtree (or of one text node) that advances one text node or slice per step. */
export interface Scan {
  /** The candidates of the next text node or slice; null once the subtree is done. */
  step(): Candidate[] | null;
}

const done: Scan = { step: () => null };

/**
 * Walks `root` for coin mentions in text the user reads, leaving out the blocks nested in it:
 * each block is read on its own, when it comes within reach. `isOurs` tells our own badges from
 * look-alike elements a page may create: ours are skipped, the page's are read like any element.
 */
export function scanOwnText(root: Node, isOurs: (element: Element) => boolean): Scan {
  if (root.nodeType !== Node.TEXT_NODE && root.nodeType !== Node.ELEMENT_NODE) return done;
  if (root instanceof Element ? isSkipped(root, isOurs) : false) return done;
  if (insideSkipped(root, isOurs)) return done;
  const walker = (root.ownerDocument ?? document).createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const element = node as Element;
        return isBlock(element) || isSkipped(element, isOurs)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP;
      },
    },
  );
  // A text node given as the root is its own one-node walk.
  let rootText = root.nodeType === Node.TEXT_NODE ? (root as Text) : null;
  const nextText = (): Text | null => {
    if (root.nodeType !== Node.TEXT_NODE) return walker.nextNode() as Text | null;
    const next = rootText;
    rootText = null;
    return next;
  };
  let text: Text | null = null;
  let offset = 0;
  return {
    step() {
      if (!text) {
        text = nextText();
        offset = 0;
        if (!text) return null;
      }
      const node = text;
      const end = sliceEnd(node.data, offset);
      const from = offset;
      const mentions = detectMentions(node.data.slice(from, end));
      offset = end;
      if (offset >= node.data.length) text = null;
      if (mentions.length === 0) return [];
      const block = blockOf(node);
      const link = node.parentElement?.closest('a') ?? null;
      return mentions.map((mention) => ({
        text: node,
        mention: { ...mention, start: mention.start + from, end: mention.end + from },
        block,
        link,
      }));
    },
  };
}
