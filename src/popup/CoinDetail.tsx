// One coin in full: price, open interest and its changes, funding, liquidation windows with their
// coverage, signals with their inputs, the venues' shares, and the history chart. Opened from a
// coin row or by `#coin=BTC` in the popup's URL (a notification's click); Back or Escape closes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { CoinContext, NoFigures } from '../messages';
import { VENUE_NAMES, venueNames } from '../words';
import { loadCoin, onDataChanged } from './api';
import { fmt, listOf } from './format';
import { HistoryChart } from './HistoryChart';
import { describeMissing } from './missing';
import { describeNoFigures } from './no-figures-text';
import { hasFigures } from './pinned-rows';
import { SignalInputs } from './SignalInputs';

interface CoinDetailProps {
  coin: string;
  pinned: boolean;
  now: number;
  onBack: () => void;
  onPin: (coin: string) => void;
  onUnpin: (coin: string) => void;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; row: CoinContext | NoFigures }
  | { kind: 'error'; message: string };

const percentOrDash = (value: number | null, digits = 0) =>
  value === null ? '—' : `${value.toFixed(digits)}%`;

function Figures({ context }: { context: CoinContext }) {
  const { oi, funding } = context;
  return (
    <table class="detail-figures" data-testid="detail-figures">
      <tbody>
        <tr>
          <th scope="row">{t('detailOi')}</th>
          <td>
            <data value={oi.usd ?? ''}>{fmt.usdCompact(oi.usd)}</data>
          </td>
        </tr>
        <tr>
          <th scope="row">{t('detailOiChange')}</th>
          <td>
            {fmt.percent(oi.change1hPct)} / {fmt.percent(oi.change24hPct)}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('detailPercentile')}</th>
          <td>{oi.percentile30d === null ? '—' : oi.percentile30d.toFixed(0)}</td>
        </tr>
        <tr>
          <th scope="row">{t('detailMarketCap')}</th>
          <td>{percentOrDash(oi.toMarketCapPct, 2)}</td>
        </tr>
        <tr>
          <th scope="row">{t('detailFunding')}</th>
          <td>
            {t('detailFundingValue', fmt.fundingRate(funding.rate8h), fmt.percent(funding.apr))}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function LiquidationTable({ context }: { context: CoinContext }) {
  return (
    <>
      <table class="coins" data-testid="detail-liquidations">
        <thead>
          <tr>
            <th scope="col">{t('detailWindow')}</th>
            <th scope="col">{t('detailLongs')}</th>
            <th scope="col">{t('detailShorts')}</th>
            <th scope="col">{t('detailCovered')}</th>
          </tr>
        </thead>
        <tbody>
          {(['1h', '4h', '24h'] as const).map((key) => {
            const window = context.liquidations[key];
            return (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{fmt.usdCompact(window.longUsd)}</td>
                <td>{fmt.usdCompact(window.shortUsd)}</td>
                <td>{fmt.age(window.coveredMinutes * 60_000)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="missing">{t('detailLowerBound')}</p>
    </>
  );
}

function VenueShares({ context }: { context: CoinContext }) {
  const total = context.oi.byVenue.reduce((sum, share) => sum + share.usd, 0);
  const unsure = context.oi.byVenue.some((share) => !share.oneSided);
  return (
    <>
      <table class="coins" data-testid="detail-venues">
        <thead>
          <tr>
            <th scope="col">{t('detailVenue')}</th>
            <th scope="col">{t('detailOi')}</th>
            <th scope="col">{t('detailShare')}</th>
          </tr>
        </thead>
        <tbody>
          {context.oi.byVenue.map((share) => (
            <tr key={share.venue} data-venue={share.venue}>
              <th scope="row">
                {VENUE_NAMES[share.venue]}
                {share.oneSided ? '' : '*'}
              </th>
              <td>{fmt.usdCompact(share.usd)}</td>
              <td>{total > 0 ? `${((share.usd / total) * 100).toFixed(1)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unsure && <p class="missing">{t('detailNotOneSided')}</p>}
    </>
  );
}

function Details({ context, now }: { context: CoinContext; now: number }) {
  const basis = context.oi.historyBasisPct;
  return (
    <>
      <Figures context={context} />
      {basis !== null && basis < 99.5 && (
        <p class="missing">{t('detailHistoryBasis', percentOrDash(basis))}</p>
      )}
      <h2>{t('detailLiquidations')}</h2>
      <LiquidationTable context={context} />
      <h2>{t('detailSignals')}</h2>
      {context.signals.length === 0 ? (
        <p class="muted">{t('detailNoSignals')}</p>
      ) : (
        <ul class="signals" data-testid="detail-signals">
          {context.signals.map((signal) => (
            <SignalInputs key={signal.id} signal={signal} />
          ))}
        </ul>
      )}
      <HistoryChart coin={context.coin} />
      <h2>{t('detailVenues')}</h2>
      <VenueShares context={context} />
      {context.unavailableVenues.length > 0 && (
        <p class="missing">{t('detailUnavailable', venueNames(context.unavailableVenues))}</p>
      )}
      {context.missing.length > 0 && (
        <p class="missing">{t('detailMissing', listOf(context.missing.map(describeMissing)))}</p>
      )}
      <p class="age">{t('detailAge', fmt.age(now - context.asOf))}</p>
    </>
  );
}

export function CoinDetail({ coin, pinned, now, onBack, onPin, onUnpin }: CoinDetailProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    const reload = () =>
      loadCoin(coin)
        .then((row) => current && setLoad({ kind: 'ready', row }))
        .catch((error: Error) => current && setLoad({ kind: 'error', message: error.message }));
    void reload();
    const stop = onDataChanged(() => void reload());
    return () => {
      current = false;
      stop();
    };
  }, [coin]);

  // The App draws a new onBack every few seconds (its clock ticks): read the latest through a ref
  // so that focus moves to Back once, when the detail opens.
  const latestOnBack = useRef(onBack);
  latestOnBack.current = onBack;
  useEffect(() => {
    back.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        latestOnBack.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const context = load.kind === 'ready' && hasFigures(load.row) ? load.row : null;
  return (
    <section
      class="detail"
      aria-labelledby="detail-title"
      data-testid="coin-detail"
      data-coin={coin}
    >
      <div class="detail-top">
        <button type="button" ref={back} onClick={onBack} aria-label={t('detailBackLabel')}>
          {t('detailBack')}
        </button>
        <button type="button" onClick={() => (pinned ? onUnpin(coin) : onPin(coin))}>
          {pinned ? t('detailUnpin') : t('detailPin')}
        </button>
      </div>
      <h2 id="detail-title" class="detail-title">
        {coin}{' '}
        {context && (
          <>
            {fmt.price(context.price.usd)}{' '}
            <span class={(context.price.change24hPct ?? 0) < 0 ? 'down' : 'up'}>
              {fmt.percent(context.price.change24hPct)}
            </span>
          </>
        )}
      </h2>
      {load.kind === 'loading' && (
        <p class="state" role="status">
          {t('detailLoading')}
        </p>
      )}
      {load.kind === 'error' && (
        <p class="state error" role="alert">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && !hasFigures(load.row) && (
        <p class="state" data-testid="detail-no-figures">
          {describeNoFigures(load.row)}
        </p>
      )}
      {context && <Details context={context} now={now} />}
    </section>
  );
}
