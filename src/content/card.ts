// The hover card: a coin's leverage context next to its badge. Loaded on first hover, so that the
// content script stays small at page load. Everything from the page or a venue reaches the DOM
// as text only. The chart (uPlot) is a further chunk, loaded when the first card opens. Words and
// numbers are in the browser's language (this chunk may load the polyfill: the page load does not).
import { NOT_KNOWN } from '../core/format';
import { t } from '../i18n';
import type { CoinContext, CoinHistory, LiquidationWindow } from '../messages';
import { duration, fmt, levelName, VENUE_NAMES, venueNames } from '../words';
import { element, SIGNAL_CSS, signalBox } from './overlay-dom';

const CARD_TAG = 'll-card';
const GAP = 6;
/** The card's 300px less its padding and border. */
const CHART_WIDTH = 274;

const CSS = `
/* The page cannot move us: left/top come in as custom properties, which "all" does not reset
   (an inline left/top would lose to this rule's own !important reset). */
:host {
  all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  left: var(--ll-left, auto) !important; top: var(--ll-top, auto) !important;
}
.card {
  width: 300px; box-sizing: border-box; padding: 10px 12px; border-radius: 10px;
  font: 12px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #0f172a;
  background: #ffffff; border: 1px solid #cbd5e1; box-shadow: 0 8px 24px rgba(15, 23, 42, 0.18);
}
@media (prefers-color-scheme: dark) {
  .card { color: #e2e8f0; background: #0f172a; border-color: #334155; }
  .muted, th { color: #94a3b8 !important; }
}
h2 { font-size: 14px; margin: 0 0 4px; display: flex; justify-content: space-between; }
.level { font-size: 11px; font-weight: 600; text-transform: uppercase; }
.muted { color: #64748b; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 4px 0; }
th { text-align: left; font-weight: 500; color: #64748b; }
td { text-align: right; }
${SIGNAL_CSS}
.pin { float: right; font: inherit; font-size: 11px; padding: 1px 8px; border-radius: 6px; border: 1px solid #cbd5e1; background: transparent; color: inherit; cursor: pointer; }
.pin:focus-visible { outline: 2px solid #f59e0b; }
`;

function row(doc: Document, label: string, ...cells: string[]): HTMLTableRowElement {
  const tr = element(doc, 'tr');
  tr.append(element(doc, 'th', label), ...cells.map((cell) => element(doc, 'td', cell)));
  return tr;
}

function liquidationCells(window: LiquidationWindow): string[] {
  if (window.longUsd === null || window.shortUsd === null) return [NOT_KNOWN, NOT_KNOWN];
  return [fmt.usdCompact(window.longUsd), fmt.usdCompact(window.shortUsd)];
}

interface CardActions {
  byKeyboard: boolean;
  /** Pins the coin; resolves false when the background refused. */
  onPin: (coin: string) => Promise<boolean>;
  /** The coin's history for the chart; rejects with the background's reason. */
  loadHistory: (coin: string) => Promise<CoinHistory>;
}

function pinButton(doc: Document, coin: string, onPin: CardActions['onPin']): HTMLButtonElement {
  const button = element(doc, 'button', t('detailPin'), 'pin');
  button.type = 'button';
  button.setAttribute('aria-label', t('cardPinLabel', coin));
  button.addEventListener('click', async () => {
    button.disabled = true;
    const pinned = await onPin(coin);
    button.textContent = t(pinned ? 'cardPinned' : 'cardPinFailed');
  });
  return button;
}

function renderCard(
  doc: Document,
  context: CoinContext,
  now: number,
  onPin: CardActions['onPin'],
): HTMLElement {
  const card = element(doc, 'div', undefined, 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('cardLabel', context.coin));
  const title = element(doc, 'h2');
  title.append(
    element(
      doc,
      'span',
      `${context.coin} ${fmt.price(context.price.usd)} ${fmt.percent(context.price.change24hPct)}`,
    ),
    element(doc, 'span', levelName(context.level), 'level'),
  );
  card.append(pinButton(doc, context.coin, onPin));
  const oi = context.oi;
  const figures = element(doc, 'table');
  figures.append(
    row(doc, t('openInterest'), fmt.usdCompact(oi.usd)),
    row(doc, t('cardOiChange'), `${fmt.percent(oi.change1hPct)} / ${fmt.percent(oi.change24hPct)}`),
    row(
      doc,
      t('inputOiPercentile30d'),
      oi.percentile30d === null ? NOT_KNOWN : `${oi.percentile30d.toFixed(0)}`,
    ),
    row(doc, t('cardFundingApr'), fmt.percent(context.funding.apr)),
  );
  const liquidations = element(doc, 'table');
  liquidations.append(row(doc, t('cardLiquidations'), t('cardLongs'), t('cardShorts')));
  for (const key of ['1h', '4h', '24h'] as const) {
    liquidations.append(row(doc, key, ...liquidationCells(context.liquidations[key])));
  }
  const day = context.liquidations['24h'];
  const coverage = element(
    doc,
    'p',
    day.coveredMinutes >= 24 * 60 - 60
      ? t('cardLowerBound')
      : day.coveredMinutes < 1
        ? t('cardCoveringUnderMinute')
        : t('cardCovering', duration(day.coveredMinutes * 60_000)),
    'muted',
  );
  const chart = element(doc, 'div', undefined, 'chart');
  chart.append(element(doc, 'p', t('chartLoading'), 'muted'));
  card.append(title, figures, liquidations, coverage, chart);
  for (const signal of context.signals) card.append(signalBox(doc, signal));
  const venues = oi.byVenue.map(
    (share) =>
      `${VENUE_NAMES[share.venue]} ${fmt.usdCompact(share.usd)}${share.oneSided ? '' : '*'}`,
  );
  card.append(element(doc, 'p', t('cardByVenue', venues.join(' · ')), 'muted'));
  if (context.unavailableVenues.length > 0) {
    card.append(
      element(doc, 'p', t('detailUnavailable', venueNames(context.unavailableVenues)), 'muted'),
    );
  }
  card.append(element(doc, 'p', t('detailAge', duration(now - context.asOf)), 'muted'));
  return card;
}

let open: {
  host: HTMLElement;
  anchor: Element;
  restoreFocus: boolean;
  abort: AbortController;
  /** Releases the chart's canvases, once it is drawn. */
  releaseChart?: () => void;
} | null = null;

/** Places the card below the badge, or above it where there is no room, inside the viewport. */
function place(host: HTMLElement, anchor: Element) {
  const box = anchor.getBoundingClientRect();
  const card = host.getBoundingClientRect();
  const below = box.bottom + GAP;
  const top =
    below + card.height <= window.innerHeight ? below : Math.max(GAP, box.top - GAP - card.height);
  const left = Math.min(
    Math.max(GAP, box.left),
    Math.max(GAP, window.innerWidth - card.width - GAP),
  );
  host.style.setProperty('--ll-top', `${top}px`);
  host.style.setProperty('--ll-left', `${left}px`);
}

let restoringFocus = false;

export function closeCard() {
  if (!open) return;
  const { host, anchor, restoreFocus, abort, releaseChart } = open;
  open = null;
  abort.abort();
  releaseChart?.();
  host.remove();
  if (restoreFocus && anchor instanceof HTMLElement) {
    restoringFocus = true;
    anchor.focus();
    restoringFocus = false;
  }
}

/** True while focus goes back to the badge: that focus must not open the card again. */
export const isRestoringFocus = () => restoringFocus;

/**
 * Fills the card's chart section once uPlot (a chunk of its own, loaded on the first card) and
 * the history are in.
 */
async function showChart(
  host: HTMLElement,
  root: ShadowRoot,
  coin: string,
  loadHistory: CardActions['loadHistory'],
) {
  const section = root.querySelector<HTMLElement>('.chart');
  if (!section) return;
  try {
    const [chart, history] = await Promise.all([import('../chart/coin-chart'), loadHistory(coin)]);
    if (open?.host !== host) return;
    const style = host.ownerDocument.createElement('style');
    style.textContent = chart.CHART_CSS;
    root.prepend(style);
    open.releaseChart = chart.drawCoinChart(section, history, {
      width: CHART_WIDTH,
      funding: false,
      compact: true,
    });
  } catch (error) {
    section.replaceChildren(
      element(host.ownerDocument, 'p', t('chartFailed', (error as Error).message), 'muted'),
    );
  }
}

export function showCard(
  anchor: Element,
  context: CoinContext,
  { byKeyboard, onPin, loadHistory }: CardActions,
) {
  closeCard();
  const doc = anchor.ownerDocument;
  const host = doc.createElement(CARD_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style, renderCard(doc, context, Date.now(), onPin));
  host.dataset.coin = context.coin;
  doc.documentElement.append(host);
  place(host, anchor);
  const abort = new AbortController();
  open = { host, anchor, restoreFocus: byKeyboard, abort };
  // The card grows when its chart arrives (uPlot sizes its canvases a moment after it is built):
  // placed again on every change of size, so it never ends up over the mention.
  const resized = new ResizeObserver(() => place(host, anchor));
  resized.observe(host);
  abort.signal.addEventListener('abort', () => resized.disconnect(), { once: true });
  // Opened from the keyboard, the card takes focus (its first control), as a dialog does.
  if (byKeyboard) root.querySelector<HTMLElement>('button')?.focus();
  void showChart(host, root, context.coin, loadHistory);
  doc.addEventListener('keydown', (event) => event.key === 'Escape' && closeCard(), {
    signal: abort.signal,
  });
  doc.addEventListener('scroll', () => place(host, anchor), {
    signal: abort.signal,
    passive: true,
    capture: true,
  });
}

/** Whether the pointer or focus is on the open card (so leaving the badge for it keeps it open). */
export function cardContains(node: EventTarget | null): boolean {
  return open !== null && node instanceof Node && open.host.contains(node);
}
