// <ll-panel coin="BTC">: the coin of an exchange's trading page and its leverage context, in a
// small panel that collapses, drags, and remembers both per site. Loaded only on trading pages.
// Everything from the page or a venue reaches the DOM as text only.
import browser from 'webextension-polyfill';
import { z } from 'zod/mini';
import { NOT_KNOWN } from '../core/format';
import { t } from '../i18n';
import type { CoinContext } from '../messages';
import { duration, fmt, levelName } from '../words';
import { coinFromUrl } from './exchange-url';
import { element, SIGNAL_CSS, signalBox } from './overlay-dom';

const PANEL_TAG = 'll-panel';
const URL_POLL_MS = 500;
const REFRESH_MS = 60_000;
const MARGIN = 8;

const CSS = `
/* The page cannot move us: left/top come in as custom properties, which "all" does not reset
   (an inline left/top would lose to this rule's own !important reset). */
:host {
  all: initial !important; position: fixed !important; z-index: 2147483646 !important;
  left: var(--ll-left, auto) !important; top: var(--ll-top, auto) !important;
}
.panel {
  width: 260px; box-sizing: border-box; border-radius: 10px; overflow: hidden;
  font: 12px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #0f172a;
  background: #ffffff; border: 1px solid #cbd5e1; box-shadow: 0 8px 24px rgba(15, 23, 42, 0.18);
}
@media (prefers-color-scheme: dark) {
  .panel { color: #e2e8f0; background: #0f172a; border-color: #334155; }
  .muted, th { color: #94a3b8 !important; }
}
header {
  display: flex; align-items: center; gap: 6px; padding: 6px 8px 6px 12px; cursor: move;
  touch-action: none; user-select: none; font-weight: 600; font-variant-numeric: tabular-nums;
}
header .title { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button {
  all: unset; cursor: pointer; width: 20px; height: 20px; text-align: center; border-radius: 4px;
  font: 600 14px/20px system-ui, sans-serif;
}
button:hover { background: rgba(100, 116, 139, 0.2); }
button:focus-visible { outline: 2px solid #f59e0b; }
.body { padding: 0 12px 10px; }
.body[hidden] { display: none; }
.level { font-size: 11px; font-weight: 600; text-transform: uppercase; }
.muted { color: #64748b; margin: 4px 0 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th { text-align: left; font-weight: 500; color: #64748b; }
td { text-align: right; }
${SIGNAL_CSS}
`;

/** What the panel remembers per site; anything else read from storage is ignored. */
const PanelState = z.object({
  collapsed: z.boolean(),
  left: z.optional(z.number()),
  top: z.optional(z.number()),
});
type PanelState = z.infer<typeof PanelState>;

function row(label: string, value: string): HTMLTableRowElement {
  const tr = element(document, 'tr');
  tr.append(element(document, 'th', label), element(document, 'td', value));
  return tr;
}

function renderBody(coin: string, context: CoinContext | undefined, now: number): HTMLElement[] {
  if (!context) return [element(document, 'p', t('panelNoFigures', coin), 'muted')];
  const day = context.liquidations['24h'];
  const figures = element(document, 'table');
  figures.append(
    row(t('openInterest'), fmt.usdCompact(context.oi.usd)),
    row(t('panelOiChange24h'), fmt.percent(context.oi.change24hPct)),
    row(t('cardFundingApr'), fmt.percent(context.funding.apr)),
    row(
      t('panelLiquidations24h'),
      day.longUsd === null || day.shortUsd === null
        ? NOT_KNOWN
        : t('panelLongsShorts', fmt.usdCompact(day.longUsd), fmt.usdCompact(day.shortUsd)),
    ),
  );
  const nodes: HTMLElement[] = [figures];
  if (context.level) nodes.push(element(document, 'p', levelName(context.level), 'level'));
  for (const signal of context.signals) nodes.push(signalBox(document, signal));
  nodes.push(element(document, 'p', t('detailAge', duration(now - context.asOf)), 'muted'));
  return nodes;
}

async function readState(key: string): Promise<PanelState> {
  try {
    const parsed = PanelState.safeParse((await browser.storage.local.get(key))[key]);
    if (parsed.success) return parsed.data;
  } catch {
    // Storage unavailable (the extension was reloaded): start with the defaults.
  }
  return { collapsed: false };
}

export function startExchangePanel(
  signal: AbortSignal,
  requestContext: (coin: string) => Promise<CoinContext | undefined>,
): void {
  if (signal.aborted) return;
  const storageKey = `panel:${location.hostname}`;
  let state: PanelState = { collapsed: false };
  const stateRead = readState(storageKey).then((read) => {
    state = read;
  });
  const saveState = () => void browser.storage.local.set({ [storageKey]: state }).catch(() => {});

  const host = document.createElement(PANEL_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = element(document, 'style', CSS);
  const panel = element(document, 'div', undefined, 'panel');
  panel.setAttribute('role', 'complementary');
  const header = element(document, 'header');
  const title = element(document, 'span', '', 'title');
  const toggle = element(document, 'button');
  toggle.type = 'button';
  toggle.setAttribute('aria-controls', 'll-panel-body');
  const body = element(document, 'div', undefined, 'body');
  body.id = 'll-panel-body';
  header.append(title, toggle);
  panel.append(header, body);
  root.append(style, panel);

  let ready = false;
  let drag: { pointerId: number; dx: number; dy: number } | null = null;
  let coin: string | null = null;
  let request = 0;
  let lastRefresh = 0;

  const applyCollapsed = () => {
    body.hidden = state.collapsed;
    toggle.textContent = state.collapsed ? '+' : '−';
    toggle.setAttribute('aria-expanded', String(!state.collapsed));
    toggle.setAttribute('aria-label', t(state.collapsed ? 'panelExpand' : 'panelCollapse'));
  };

  /** Moves the panel to (left, top), or its default corner, kept inside the viewport. */
  const place = (left?: number, top?: number) => {
    const box = host.getBoundingClientRect();
    const maxLeft = Math.max(MARGIN, window.innerWidth - box.width - MARGIN);
    const maxTop = Math.max(MARGIN, window.innerHeight - box.height - MARGIN);
    const x = Math.min(Math.max(MARGIN, left ?? maxLeft), maxLeft);
    const y = Math.min(Math.max(MARGIN, top ?? 72), maxTop);
    host.style.setProperty('--ll-left', `${x}px`);
    host.style.setProperty('--ll-top', `${y}px`);
    return { x, y };
  };

  const refresh = async () => {
    const current = coin;
    if (!current) return;
    const id = ++request;
    lastRefresh = Date.now();
    const context = await requestContext(current).catch(() => undefined);
    if (signal.aborted || id !== request || current !== coin) return;
    title.textContent = context
      ? `${current} ${fmt.price(context.price.usd)} ${fmt.percent(context.price.change24hPct)}`
      : current;
    body.replaceChildren(...renderBody(current, context, Date.now()));
    if (!drag) place(state.left, state.top);
  };

  const sync = () => {
    if (signal.aborted || !ready) return;
    const next = coinFromUrl(new URL(location.href));
    if (next === coin) return;
    coin = next;
    request++;
    if (!next) {
      host.remove();
      return;
    }
    host.setAttribute('coin', next);
    panel.setAttribute('aria-label', t('cardLabel', next));
    title.textContent = next;
    body.replaceChildren(element(document, 'p', t('panelLoading', next), 'muted'));
    if (!host.isConnected) {
      document.documentElement.append(host);
      place(state.left, state.top);
    }
    void refresh();
  };

  toggle.addEventListener(
    'click',
    () => {
      state = { ...state, collapsed: !state.collapsed };
      applyCollapsed();
      place(state.left, state.top);
      saveState();
    },
    { signal },
  );

  header.addEventListener(
    'pointerdown',
    (event) => {
      if (event.button !== 0 || event.composedPath().includes(toggle)) return;
      const box = host.getBoundingClientRect();
      drag = {
        pointerId: event.pointerId,
        dx: event.clientX - box.left,
        dy: event.clientY - box.top,
      };
      header.setPointerCapture(event.pointerId);
      event.preventDefault();
    },
    { signal },
  );
  header.addEventListener(
    'pointermove',
    (event) => {
      if (drag?.pointerId === event.pointerId)
        place(event.clientX - drag.dx, event.clientY - drag.dy);
    },
    { signal },
  );
  header.addEventListener(
    'pointerup',
    (event) => {
      if (drag?.pointerId !== event.pointerId) return;
      const box = host.getBoundingClientRect();
      drag = null;
      state = { ...state, left: Math.round(box.left), top: Math.round(box.top) };
      saveState();
    },
    { signal },
  );
  header.addEventListener(
    'pointercancel',
    (event) => {
      if (drag?.pointerId === event.pointerId) drag = null;
    },
    { signal },
  );
  window.addEventListener('resize', () => host.isConnected && place(state.left, state.top), {
    signal,
  });

  // Client-side navigation, without patching the page's history: back and forward, the
  // Navigation API where there is one, and a cheap poll of the URL for pushState everywhere.
  window.addEventListener('popstate', sync, { signal });
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', sync, { signal });
  const poll = setInterval(sync, URL_POLL_MS);

  // Fresh figures every minute while the tab is visible, and at once when it becomes visible.
  const refreshIfOlderThan = (age: number) => {
    if (document.visibilityState === 'visible' && Date.now() - lastRefresh >= age) void refresh();
  };
  // Half the period: the timer and the last refresh are not in step.
  const timer = setInterval(() => refreshIfOlderThan(REFRESH_MS / 2), REFRESH_MS);
  document.addEventListener('visibilitychange', () => refreshIfOlderThan(REFRESH_MS), { signal });

  signal.addEventListener(
    'abort',
    () => {
      clearInterval(poll);
      clearInterval(timer);
      host.remove();
    },
    { once: true },
  );

  void stateRead.then(() => {
    if (signal.aborted) return;
    ready = true;
    applyCollapsed();
    sync();
    if (host.isConnected) place(state.left, state.top);
  });
}
