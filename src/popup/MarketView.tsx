// The market, the pins (search, keyboard and drag), the largest coins, the data sources and the
// settings, for data that is live or read from the cache.
import { neighbourOf } from '../core/pin-order';
import { t } from '../i18n';
import type { LiquidationWindow } from '../messages';
import { VENUE_NAMES } from '../words';
import type { changePins, PopupData } from './api';
import { CoinTable } from './CoinTable';
import { buttonOf, PIN_SEARCH, rowOf } from './focus';
import { fmt, listOf } from './format';
import { describeMissing } from './missing';
import { PinSearch } from './PinSearch';
import { Settings } from './Settings';
import { SignalList } from './SignalList';
import { STALE_AFTER_MS } from './staleness';
import { VenueList } from './VenueList';

const DAY_MINUTES = 24 * 60;

/** Reported liquidations are a lower bound, and a window is only as good as its coverage. */
function LiquidationLine({ window }: { window: LiquidationWindow }) {
  if (window.longUsd === null || window.shortUsd === null) {
    return <p class="liquidations">{t('liquidationsListening')}</p>;
  }
  const covered =
    window.coveredMinutes >= DAY_MINUTES
      ? t('coverageFullDay')
      : window.coveredMinutes < 1
        ? t('coverageUnderMinute')
        : t('coverageLast', fmt.age(window.coveredMinutes * 60_000));
  return (
    <p class="liquidations" data-testid="market-liquidations">
      {t('liquidations24h', fmt.usdCompact(window.longUsd), fmt.usdCompact(window.shortUsd))}{' '}
      <span class="muted">({covered})</span>
    </p>
  );
}

export type PinRequest = Parameters<typeof changePins>[0];

/** The button of the row that takes a leaving row's place, for the keyboard (none if alone). */
const neighbourButton = (table: string, coins: readonly string[], coin: string) => {
  const next = neighbourOf(coins, coin);
  return next === null ? [] : [buttonOf(table, next)];
};

export function MarketView({
  data,
  now,
  onPins,
  onOpen,
  pinProblem,
}: {
  data: PopupData;
  now: number;
  /** Changes the pins; the keyboard then goes to the first of `focusNext` that exists. */
  onPins: (request: PinRequest, focusNext?: readonly string[]) => Promise<void>;
  /** Opens a coin's detail. */
  onOpen: (coin: string) => void;
  /** Why the last pin change was refused, if it was. */
  pinProblem: string | null;
}) {
  const { market, coins, pinned, pins, venues } = data;
  const largest = coins.map((coin) => coin.coin);
  const off = venues.filter((venue) => !venue.enabled).map((venue) => VENUE_NAMES[venue.venue]);
  const age = market.asOf === null ? null : now - market.asOf;
  const stale = age !== null && age > STALE_AFTER_MS;
  return (
    <>
      {market.asOf === null ? (
        <p class="state" role="status" data-testid="no-data">
          {t('noMarketData')}
        </p>
      ) : (
        <section class="market" aria-labelledby="market-heading">
          <h2 id="market-heading" class="visually-hidden">
            {t('market')}
          </h2>
          <div class="figure">
            <span class="label">{t('openInterest')}</span>
            <data class="value" value={market.oi.usd ?? ''} data-testid="market-oi">
              {fmt.usdCompact(market.oi.usd)}
            </data>
            <span class="change">{t('change24h', fmt.percent(market.oi.change24hPct))}</span>
          </div>
          <p class={stale ? 'age stale' : 'age'} data-testid="market-age">
            {stale ? t('staleAge', fmt.age(age)) : t('updatedAge', fmt.age(age ?? 0))} ·{' '}
            {t('coinCount', market.coinCount)}
          </p>
          <LiquidationLine window={market.liquidations['24h']} />
          <SignalList signals={market.signals} testId="market-signals" />
          {market.missing.length > 0 && (
            <p class="missing">{t('notKnownYet', listOf(market.missing.map(describeMissing)))}</p>
          )}
        </section>
      )}
      {off.length > 0 && (
        <p class="missing" data-testid="venues-off">
          {t('venuesOffNote', listOf(off))}
        </p>
      )}
      <section aria-labelledby="pinned-heading">
        <h2 id="pinned-heading">{t('pinned')}</h2>
        <PinSearch pins={pins} onPin={(coin) => void onPins({ type: 'pinCoin', coin })} />
        {pinProblem && (
          <p class="state error" role="alert" data-testid="pin-error">
            {pinProblem}
          </p>
        )}
        {pins.length === 0 ? (
          <p class="state empty" data-testid="no-pins">
            {t('noPins')}
          </p>
        ) : (
          <CoinTable
            coins={pinned}
            label={t('pinnedCoins')}
            testId="pinned"
            pinned
            now={now}
            onOpen={onOpen}
            onUnpin={(coin) =>
              void onPins({ type: 'unpinCoin', coin }, [
                ...neighbourButton('pinned', pins, coin),
                PIN_SEARCH,
              ])
            }
            onMove={(coin, step) =>
              void onPins({ type: 'stepPin', coin, step }, [rowOf('pinned', coin)])
            }
            onDrop={(coin, target) => void onPins({ type: 'movePin', coin, target })}
          />
        )}
      </section>
      {coins.length > 0 && (
        <section aria-labelledby="largest-heading">
          <h2 id="largest-heading">{t('largest')}</h2>
          <CoinTable
            coins={coins}
            label={t('largestCoins')}
            testId="largest"
            pinned={false}
            now={now}
            onOpen={onOpen}
            onPin={(coin) =>
              void onPins({ type: 'pinCoin', coin }, [
                ...neighbourButton('largest', largest, coin),
                rowOf('pinned', coin),
              ])
            }
          />
        </section>
      )}
      <VenueList venues={venues} now={now} />
      <Settings pins={pins} venues={venues} />
    </>
  );
}
