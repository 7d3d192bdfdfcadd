// <ll-badge coin="BTC">: a custom-named element with a closed shadow root, so the page's CSS and
// scripts cannot reach its inside. Chrome gives content scripts no customElements registry, and
// attachShadow works on any valid custom element name, defined or not.
import { formatUsdCompact } from '../core/format';
import type { CoinContext } from '../messages';

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
  if (!context || context.oi.usd === null) {
    badge.pill.dataset.state = 'unknown';
    badge.oi.textContent = 'OI —';
    host.setAttribute('aria-label', `${coin}: open interest not known yet`);
    return;
  }
  badge.pill.dataset.state = 'known';
  const oi = formatUsdCompact(context.oi.usd);
  badge.oi.textContent = `OI ${oi}`;
  host.setAttribute('aria-label', `${coin} open interest ${oi}`);
  host.setAttribute('data-oi-usd', String(context.oi.usd));
}
