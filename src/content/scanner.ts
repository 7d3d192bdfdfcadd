// Walks a subtree for coin mentions in text the user reads, and decides where each badge goes.
import { BADGE_TAG } from './badge';
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
  BADGE_TAG.toUpperCase(),
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

export interface Candidate {
  text: Text;
  mention: Mention;
  /** The element whose first mention of a coin gets the badge (default density). */
  block: Element;
  /** A link containing the mention: the badge goes after it, not inside it. */
  link: Element | null;
}

function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  return element instanceof HTMLElement && element.isContentEditable;
}

function blockOf(node: Node): Element {
  let element = node.parentElement;
  while (element && !BLOCK_TAGS.has(element.tagName)) element = element.parentElement;
  return element ?? node.ownerDocument?.body ?? (node.parentElement as Element);
}

function insideSkipped(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (isSkipped(at)) return true;
  return false;
}

export function findCandidates(root: Element): Candidate[] {
  if (insideSkipped(root)) return [];
  const walker = root.ownerDocument.createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode(node) {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        return isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      },
    },
  );
  const candidates: Candidate[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    for (const mention of detectMentions(text.data)) {
      candidates.push({
        text,
        mention,
        block: blockOf(text),
        link: text.parentElement?.closest('a') ?? null,
      });
    }
  }
  return candidates;
}
