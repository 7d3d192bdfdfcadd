// The coin detail's chart: uPlot and the history load together, after the detail has painted,
// so the popup's first paint never waits for either.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadCoinHistory } from './api';

/** The popup's 360px less its padding. */
const CHART_WIDTH = 336;
const STYLE_ID = 'll-chart-css';

type Status = { kind: 'loading' } | { kind: 'drawn' } | { kind: 'failed'; message: string };

function adoptStyle(css: string) {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css;
  document.head.append(style);
}

export function HistoryChart({ coin }: { coin: string }) {
  const target = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    let release: (() => void) | undefined;
    let current = true;
    setStatus({ kind: 'loading' });
    Promise.all([import('../chart/coin-chart'), loadCoinHistory(coin)])
      .then(([chart, history]) => {
        if (!current || !target.current) return;
        adoptStyle(chart.CHART_CSS);
        release = chart.drawCoinChart(target.current, history, {
          width: CHART_WIDTH,
          funding: true,
          compact: false,
        });
        setStatus({ kind: 'drawn' });
      })
      .catch((error: Error) => current && setStatus({ kind: 'failed', message: error.message }));
    return () => {
      current = false;
      release?.();
    };
  }, [coin]);

  return (
    <section aria-label={t('detailHistory')} data-testid="coin-chart">
      <h2>{t('detailHistory')}</h2>
      {status.kind === 'loading' && (
        <p class="muted" role="status">
          {t('chartLoading')}
        </p>
      )}
      {status.kind === 'failed' && (
        <p class="state error" role="alert">
          {t('chartFailed', status.message)}
        </p>
      )}
      <div ref={target} />
    </section>
  );
}
