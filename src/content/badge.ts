// <ll-badge coin="BTC">: a custom-named element with a closed shadow root, so the page's CSS and
// scripts cannot reach its inside. Chrome gives content scripts no customElements registry, and
// attachShadow works on any valid custom element name, defined or not. Its words and figure are
// in the extension's UI language (not the page's), as the card's and the popup's are.
import { badgeWords } from '../core/badge-words';
import type { CoinContext } from '../messages';
import { extension } from './extension-api';

export const BADGE_TAG = 'll-badge';

const CSS = `
/* !important inside the shadow beats the page's !important on the host: a hostile page's
   "ll-badge { font-size: 40px !important }" cannot blow the badge up or break the line. */
:host {
  all: initial !important; display: inline-block !important; vertical-align: baseline !important;
  margin: 0 0.2em !important; font-size: 11px !important; line-height: 1 !important;
}
.badge {
  display: inline-flex; align-items: center; gap: 0.3em; padding: 0 0.4em; border-radius: 0.6em;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", sans-serif; letter-spacing: 0.01em;
  color: #0f172a; background: #fde68a; border: 1px solid #f59e0b; white-space: nowrap; cursor: default;
}
.badge[data-state="unknown"] { background: #e2e8f0; border-color: #94a3b8; color: #334155; }
.oi { font-weight: 500; }
`;

interface BadgeParts {
  ticker: HTMLElement;
  oi: HTMLElement;
  pill: HTMLElement;
}

const parts = new WeakMap<Element, BadgeParts>();
const wordsFor = badgeWords(
  extension.i18n.getUILanguage(),
  // A missing message shows its key rather than an empty badge, as t() does.
  (key, ...substitutions) => extension.i18n.getMessage(key, substitutions) || key,
);
let sharedSheet: CSSStyleSheet | null | undefined;

function adoptStyles(root: ShadowRoot) {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    root.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

export function createBadge(doc: Document, coin: string): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('coin', coin);
  // A button that opens the coin's card: reachable by keyboard, announced as such.
  host.setAttribute('role', 'button');
  host.setAttribute('tabindex', '0');
  host.setAttribute('aria-haspopup', 'dialog');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root);
  const pill = doc.createElement('span');
  pill.className = 'badge';
  const ticker = doc.createElement('span');
  ticker.textContent = coin;
  const oi = doc.createElement('span');
  oi.className = 'oi';
  pill.append(ticker, oi);
  root.append(pill);
  parts.set(host, { ticker, oi, pill });
  return host;
}

export function renderBadge(host: Element, context: CoinContext | undefined) {
  const badge = parts.get(host);
  if (!badge) return;
  const coin = host.getAttribute('coin') ?? '';
  const oiUsd = context?.oi.usd ?? null;
  const { text, label } = wordsFor(coin, oiUsd);
  badge.pill.dataset.state = oiUsd === null ? 'unknown' : 'known';
  badge.oi.textContent = text;
  host.setAttribute('aria-label', label);
  if (oiUsd !== null) host.setAttribute('data-oi-usd', String(oiUsd));
}
