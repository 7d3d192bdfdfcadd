// A coin's history as charts (uPlot): open interest over 30 days as a line, funding on a second
// axis where there is room (the popup), and the last 24 hours of reported liquidations as bars,
// longs up and shorts down. Loaded with import() only when a chart is first shown, so neither
// the content script nor the popup pays for uPlot at load. The canvases are hidden from
// assistive technology: the caption says the same in words. Numbers are in the UI language.
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { summarizeHistory } from '../core/history-summary';
import { t } from '../i18n';
import type { CoinHistory } from '../messages';
import { fmt, words } from '../words';
import { fitLabels, timeTicks, timeValue } from './axis-format';

const COLORS = {
  oi: '#f59e0b',
  longs: '#dc2626',
  shorts: '#16a34a',
  funding: '#6366f1',
  axis: '#64748b',
  grid: 'rgba(100, 116, 139, 0.2)',
};

/** uPlot's own rules and ours, for a shadow root (the card) or the popup's document. */
export const CHART_CSS = `${uplotCss}
.ll-chart { margin: 6px 0 0; }
.ll-chart .u-legend { font-size: 11px; }
.ll-chart figcaption p { margin: 2px 0; }
.ll-chart .note { color: ${COLORS.axis}; font-size: 11px; }
.ll-chart .visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
`;

export interface ChartOptions {
  /** Width of the chart in CSS pixels. */
  width: number;
  /** Funding on a second axis, with its sentence and notes (the popup has room for it). */
  funding: boolean;
  /**
   * The hover card's size: short plots with small axes, no legend, and the liquidation sentence
   * for screen readers only (the card's table shows those figures already).
   */
  compact: boolean;
}

const axis = (compact: boolean, values?: uPlot.Axis['values'], side?: 1 | 3): uPlot.Axis => ({
  stroke: COLORS.axis,
  grid: { stroke: COLORS.grid, width: 1 },
  ticks: { stroke: COLORS.grid, width: 1, size: compact ? 3 : 6 },
  font: `${compact ? 9 : 10}px system-ui, sans-serif`,
  size: fitLabels(compact ? 44 : 52),
  gap: compact ? 2 : 5,
  ...(side ? { side } : {}),
  ...(values ? { values } : {}),
});

/** The time axis: one line of labels, days or hours in the UI language. */
const timeAxis = (compact: boolean): uPlot.Axis => ({
  ...axis(compact, timeTicks),
  size: compact ? 18 : 30,
});

/** The x series: named, and its moment shown in the legend, in the UI language. */
const timeSeries = (): uPlot.Series => ({ label: t('chartSeriesTime'), value: timeValue });

const usdTicks: uPlot.Axis['values'] = (_u, ticks) => ticks.map((v) => fmt.usdCompact(v));

function oiChart(history: CoinHistory, { width, funding, compact }: ChartOptions) {
  const oi: uPlot.AlignedData = [
    history.oi.points.map((p) => p.time),
    history.oi.points.map((p) => p.usd),
  ];
  const rates: uPlot.AlignedData = [
    history.funding.points.map((p) => p.time),
    history.funding.points.map((p) => p.rate8h),
  ];
  const data = funding ? uPlot.join([oi, rates]) : oi;
  const series: uPlot.Series[] = [
    timeSeries(),
    {
      label: t('chartSeriesOi'),
      stroke: COLORS.oi,
      width: 1.5,
      scale: 'usd',
      value: (_u, v) => fmt.usdCompact(v),
    },
  ];
  const axes = [timeAxis(compact), { ...axis(compact, usdTicks), scale: 'usd' }];
  if (funding) {
    series.push({
      label: t('chartSeriesFunding'),
      stroke: COLORS.funding,
      width: 1,
      scale: 'funding',
      spanGaps: true,
      paths: uPlot.paths.stepped?.({ align: 1 }),
      value: (_u, v) => fmt.fundingRate(v),
    });
    const rateTicks: uPlot.Axis['values'] = (_u, ticks) => ticks.map((v) => fmt.fundingRate(v));
    axes.push({
      ...axis(compact, rateTicks, 1),
      scale: 'funding',
      grid: { show: false },
      size: fitLabels(66),
    });
  }
  const options: uPlot.Options = {
    width,
    height: compact ? 60 : 140,
    ms: 1,
    legend: { show: !compact },
    cursor: { y: false },
    scales: { x: { time: true } },
    series,
    axes,
  };
  return { options, data };
}

function liquidationChart(history: CoinHistory, { width, compact }: ChartOptions) {
  const bars = history.liquidations.bars;
  const middle = 30 * 60_000;
  const data: uPlot.AlignedData = [
    bars.map((bar) => bar.start + middle),
    bars.map((bar) => bar.longUsd),
    // Shorts below the axis, so the two sides never hide each other.
    bars.map((bar) => (bar.shortUsd === null ? null : -bar.shortUsd)),
  ];
  const barPaths = uPlot.paths.bars?.({ size: [0.7, 40] });
  const options: uPlot.Options = {
    width,
    height: compact ? 50 : 80,
    ms: 1,
    legend: { show: !compact },
    cursor: { y: false },
    scales: { x: { time: true } },
    series: [
      timeSeries(),
      {
        label: t('chartSeriesLongs'),
        fill: COLORS.longs,
        stroke: COLORS.longs,
        paths: barPaths,
        points: { show: false },
        value: (_u, v) => fmt.usdCompact(v),
      },
      {
        label: t('chartSeriesShorts'),
        fill: COLORS.shorts,
        stroke: COLORS.shorts,
        paths: barPaths,
        points: { show: false },
        value: (_u, v) => fmt.usdCompact(v === null ? null : Math.abs(v)),
      },
    ],
    axes: [
      timeAxis(compact),
      axis(compact, (_u, ticks) => ticks.map((v) => fmt.usdCompact(Math.abs(v)))),
    ],
  };
  return { options, data };
}

function paragraph(doc: Document, text: string, className?: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/**
 * Draws the charts and their caption into `container` (emptied first); returns a function that
 * releases uPlot's canvases and listeners.
 */
export function drawCoinChart(
  container: HTMLElement,
  history: CoinHistory,
  options: ChartOptions,
): () => void {
  const doc = container.ownerDocument;
  const summary = summarizeHistory(history, words);
  const figure = doc.createElement('figure');
  figure.className = 'll-chart';
  figure.setAttribute('aria-label', t('chartAriaLabel', history.coin, summary.oi));
  const plots: uPlot[] = [];
  const drawn = doc.createElement('div');
  drawn.setAttribute('aria-hidden', 'true');
  if (history.oi.points.length > 1 || (options.funding && history.funding.points.length > 1)) {
    const { options: oiOptions, data } = oiChart(history, options);
    plots.push(new uPlot(oiOptions, data, drawn));
  }
  if (history.liquidations.bars.some((bar) => bar.longUsd !== null)) {
    const { options: barOptions, data } = liquidationChart(history, options);
    plots.push(new uPlot(barOptions, data, drawn));
  }
  const caption = doc.createElement('figcaption');
  const { notes } = summary;
  caption.append(
    paragraph(doc, summary.oi),
    paragraph(doc, summary.liquidations, options.compact ? 'visually-hidden' : undefined),
  );
  if (options.funding) caption.append(paragraph(doc, summary.funding));
  const shown = [...notes.oi, ...(options.funding ? notes.funding : [])];
  for (const note of shown) caption.append(paragraph(doc, note, 'note'));
  // The card's own coverage line says how long it has listened: the note is for screen readers.
  for (const note of notes.liquidations)
    caption.append(paragraph(doc, note, options.compact ? 'note visually-hidden' : 'note'));
  figure.append(drawn, caption);
  container.replaceChildren(figure);
  return () => {
    for (const plot of plots) plot.destroy();
  };
}
