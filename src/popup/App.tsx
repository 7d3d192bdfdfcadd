import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatAge, formatPercent, formatUsdCompact } from '../core/format';
import type { LiquidationWindow } from '../messages';
import { changePins, loadPopupData, onDataChanged, type PopupData, requestRefresh } from './api';
import { CoinDetail } from './CoinDetail';
import { CoinTable } from './CoinTable';
import { useCoinHash } from './coin-hash';
import { describeMissing } from './missing';
import { Settings } from './Settings';
import { SignalList } from './SignalList';
import { VenueList } from './VenueList';

const DAY_MINUTES = 24 * 60;

/** Reported liquidations are a lower bound, and a window is only as good as its coverage. */
function LiquidationLine({ window }: { window: LiquidationWindow }) {
  if (window.longUsd === null || window.shortUsd === null) {
    return <p class="liquidations">Liquidations 24h: listening, nothing to report yet</p>;
  }
  const covered =
    window.coveredMinutes >= DAY_MINUTES
      ? 'full day'
      : `covering the last ${formatAge(window.coveredMinutes * 60_000)}`;
  return (
    <p class="liquidations" data-testid="market-liquidations">
      Liquidations 24h (reported): longs {formatUsdCompact(window.longUsd)} · shorts{' '}
      {formatUsdCompact(window.shortUsd)} <span class="muted">({covered})</span>
    </p>
  );
}

/** Figures older than this are shown as stale, with their age. */
const STALE_AFTER_MS = 3 * 60_000;

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: PopupData };

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [detail, openDetail] = useCoinHash();
  const now = useNow(5_000);

  const reload = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', data: await loadPopupData() });
    } catch (error) {
      setLoad({ kind: 'error', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void reload();
    return onDataChanged(() => void reload());
  }, [reload]);

  const updatePins = async (request: Parameters<typeof changePins>[0], keepFocusOn?: string) => {
    try {
      await changePins(request);
      await reload();
      // Keep the keyboard where it was: on the row that moved, once it has been drawn again.
      if (keepFocusOn) {
        requestAnimationFrame(() =>
          document
            .querySelector<HTMLElement>(
              `[data-testid="pinned"] tr[data-coin="${CSS.escape(keepFocusOn)}"]`,
            )
            ?.focus(),
        );
      }
    } catch (error) {
      setLoad({ kind: 'error', message: (error as Error).message });
    }
  };

  /** Back to the list, with the keyboard on the coin's row again. */
  const closeDetail = (coin: string) => {
    openDetail(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`tr[data-coin="${CSS.escape(coin)}"]`)?.focus(),
    );
  };

  const refresh = async () => {
    setRefreshing(true);
    try {
      await requestRefresh();
      await reload();
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>Leverage Lens</h1>
        <button type="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {load.kind === 'loading' && (
        <p class="state" role="status">
          Loading…
        </p>
      )}
      {load.kind === 'error' && (
        <p class="state error" role="alert">
          Could not reach the extension's background: {load.message}
        </p>
      )}
      {load.kind === 'ready' && detail && (
        <CoinDetail
          coin={detail}
          pinned={load.data.pins.includes(detail)}
          now={now}
          onBack={() => closeDetail(detail)}
          onPin={(coin) => void updatePins({ type: 'pinCoin', coin })}
          onUnpin={(coin) => void updatePins({ type: 'unpinCoin', coin })}
        />
      )}
      {load.kind === 'ready' && !detail && (
        <Market data={load.data} now={now} onPins={updatePins} onOpen={openDetail} />
      )}
    </main>
  );
}

/** The pins with `coin` moved one place up or down (unchanged at either end). */
function moved(pins: readonly string[], coin: string, step: -1 | 1): string[] {
  const from = pins.indexOf(coin);
  const to = from + step;
  if (from < 0 || to < 0 || to >= pins.length) return [...pins];
  const next = [...pins];
  next.splice(from, 1);
  next.splice(to, 0, coin);
  return next;
}

function Market({
  data,
  now,
  onPins,
  onOpen,
}: {
  data: PopupData;
  now: number;
  onPins: (request: Parameters<typeof changePins>[0], keepFocusOn?: string) => Promise<void>;
  onOpen: (coin: string) => void;
}) {
  const { market, coins, pinned, pins, venues } = data;
  if (market.asOf === null) {
    return (
      <>
        <p class="state" role="status" data-testid="no-data">
          No market data yet. The venues below say why.
        </p>
        <VenueList venues={venues} now={now} />
      </>
    );
  }
  const age = now - market.asOf;
  const stale = age > STALE_AFTER_MS;
  return (
    <>
      <section class="market" aria-label="Market">
        <div class="figure">
          <span class="label">Open interest</span>
          <data class="value" value={market.oi.usd ?? ''} data-testid="market-oi">
            {formatUsdCompact(market.oi.usd)}
          </data>
          <span class="change">24h {formatPercent(market.oi.change24hPct)}</span>
        </div>
        <p class={stale ? 'age stale' : 'age'} data-testid="market-age">
          {stale ? `Stale: last updated ${formatAge(age)} ago` : `Updated ${formatAge(age)} ago`} ·{' '}
          {market.coinCount} coins
        </p>
        <LiquidationLine window={market.liquidations['24h']} />
        <SignalList signals={market.signals} testId="market-signals" />
        {market.missing.length > 0 && (
          <p class="missing">Not known yet: {market.missing.map(describeMissing).join(', ')}.</p>
        )}
      </section>
      <h2>Pinned</h2>
      {pinned.length === 0 ? (
        <p class="state" data-testid="no-pins">
          No pinned coins yet: pin one with ☆ below or from a coin's card.
        </p>
      ) : (
        <CoinTable
          coins={pinned}
          label="Pinned coins"
          testId="pinned"
          pinned
          onOpen={onOpen}
          onUnpin={(coin) => void onPins({ type: 'unpinCoin', coin })}
          onMove={(coin, step) =>
            void onPins({ type: 'setPins', coins: moved(pins, coin, step) }, coin)
          }
        />
      )}
      <h2>Largest</h2>
      <CoinTable
        coins={coins}
        label="Largest coins by open interest"
        testId="largest"
        pinned={false}
        onOpen={onOpen}
        onPin={(coin) => void onPins({ type: 'pinCoin', coin })}
      />
      <VenueList venues={venues} now={now} />
      <Settings pins={pins} />
    </>
  );
}
