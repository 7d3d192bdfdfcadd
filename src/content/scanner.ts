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

/**
 * Whether an element is an editing host. Read from the attribute, not from isContentEditable: that
 * getter brings the page's style up to date, and after our own badges went in that is a style
 * recalculation of the whole page per call. Walks skip an editing host whole and check every
 * ancestor, so its editable descendants are skipped with it.
 */
function isEditingHost(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export function isSkipped(element: Element, isOurs: (element: Element) => boolean): boolean {
  if (isOurs(element)) return true;
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  return isEditingHost(element) || element.ownerDocument.designMode === 'on';
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

/** The node after `node` and its subtree, in document order, without leaving `scope`. */
function after(node: Node, scope: Node): Node | null {
  for (let at: Node | null = node; at && at !== scope; at = at.parentNode)
    if (at.nextSibling) return at.nextSibling;
  return null;
}

const HAS_TEXT = /\S/;

/**
 * The text nodes from `start` on, in document order within `scope`, up to the next block: a run
 * of a block's own text. Skipped elements (and blocks inside them) are stepped over whole, and
 * text with nothing but white space is passed by.
 */
function textRun(
  start: Node | null,
  scope: Node,
  isOurs: (element: Element) => boolean,
): () => Text | null {
  let at = start;
  return () => {
    while (at) {
      const node: Node = at;
      if (node instanceof Text) {
        at = after(node, scope);
        if (HAS_TEXT.test(node.data)) return node;
      } else if (node instanceof Element) {
        if (isSkipped(node, isOurs)) at = after(node, scope);
        else if (isBlock(node)) at = null;
        else at = node.firstChild ?? after(node, scope);
      } else at = after(node, scope);
    }
    return null;
  };
}

/**
 * Walks `root` for coin mentions in text the user reads: a block's own text, that is its text up
 * to its first nested block, and then the text that follows it in its enclosing block up to the
 * next block. So every text node is read with the block just before it (or with its own block's
 * start) and a long list of paragraphs is read a paragraph at a time, its white space between
 * paragraphs included, without walking the whole list (text that follows a block hidden with
 * display: none waits, like that block, until it is shown). `isOurs` tells our own badges from
 * look-alike elements a page may create: ours are skipped, the page's are read like any element.
 */
export function scanOwnText(root: Node, isOurs: (element: Element) => boolean): Scan {
  if (root.nodeType !== Node.TEXT_NODE && root.nodeType !== Node.ELEMENT_NODE) return done;
  if (root instanceof Element ? isSkipped(root, isOurs) : false) return done;
  if (insideSkipped(root, isOurs)) return done;
  // A text node given as the root is its own one-node walk.
  let rootText = root instanceof Text ? root : null;
  const runs: Array<() => Text | null> = [];
  if (root instanceof Element) {
    runs.push(textRun(root.firstChild, root, isOurs));
    const enclosing = isBlock(root) ? blockOf(root) : root;
    if (enclosing !== root) runs.push(textRun(after(root, enclosing), enclosing, isOurs));
  }
  const nextText = (): Text | null => {
    if (rootText) {
      const next = rootText;
      rootText = null;
      return next;
    }
    while (runs.length > 0) {
      const next = runs[0]?.() ?? null;
      if (next) return next;
      runs.shift();
    }
    return null;
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
