// The popup: draws the cached figures at once (with their age), then the live ones, and says
// plainly when it is offline, when every venue fails, or when the background cannot be reached.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { changePins, loadPopupData, onDataChanged, type PopupData, requestRefresh } from './api';
import { CoinDetail } from './CoinDetail';
import { type PopupCache, writeCache } from './cache';
import { useCoinHash } from './coin-hash';
import { focusFirst, rowOf } from './focus';
import { MarketView, type PinRequest } from './MarketView';
import { StatusBanner } from './StatusBanner';
import { saveErrorText } from './save-error';

interface View {
  data: PopupData | null;
  /** When the shown data was saved, while it comes from the cache; null once it is live. */
  cachedAt: number | null;
  /** Why the background could not answer, if it could not. */
  error: string | null;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** `cached`: the popup's saved figures, read as the page starts (see main.tsx). */
export function App({ cached }: { cached: PopupCache | null }) {
  const [view, setView] = useState<View | null>(() =>
    cached ? { data: cached.data, cachedAt: cached.savedAt, error: null } : null,
  );
  const [refreshing, setRefreshing] = useState(false);
  const [pinProblem, setPinProblem] = useState<string | null>(null);
  const [detail, openDetail] = useCoinHash();
  const now = useNow(5_000);
  const online = useOnline();

  /** The background could not answer: say so, and keep whatever figures are shown. */
  const fail = useCallback((error: unknown) => {
    setView((current) => ({
      data: current?.data ?? null,
      cachedAt: current?.cachedAt ?? null,
      error: (error as Error).message,
    }));
  }, []);

  const reload = useCallback(async () => {
    try {
      const data = await loadPopupData();
      setView({ data, cachedAt: null, error: null });
      writeCache(data, Date.now());
    } catch (error) {
      fail(error);
    }
  }, [fail]);

  useEffect(() => {
    // The cache is already drawn; only now is the background asked (waking a stopped worker
    // competes for the same CPU as the first paint).
    void reload();
    try {
      return onDataChanged(() => void reload());
    } catch (error) {
      fail(error);
    }
  }, [reload, fail]);

  /** `focusNext`: where the keyboard goes once the lists are drawn again (see focus.ts). */
  const updatePins = async (request: PinRequest, focusNext?: readonly string[]) => {
    try {
      await changePins(request);
      setPinProblem(null);
    } catch (error) {
      // A refused pin (storage.sync quota, too many pins) is not the background out of reach.
      setPinProblem(saveErrorText((error as Error).message));
      return;
    }
    await reload();
    if (focusNext) focusFirst(focusNext);
  };

  /** Back to the list, with the keyboard on the coin's row again. */
  const closeDetail = (coin: string) => {
    openDetail(null);
    focusFirst([rowOf('pinned', coin), rowOf('largest', coin)]);
  };

  const refresh = async () => {
    setRefreshing(true);
    try {
      await requestRefresh();
      await reload();
    } catch (error) {
      fail(error);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <main class="popup" aria-busy={view === null}>
      <header class="top">
        <h1>{t('extName')}</h1>
        <button type="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      </header>
      {view === null || (view.data === null && view.error === null) ? (
        <p class="state" role="status" data-testid="loading">
          {t('loading')}
        </p>
      ) : (
        <>
          <StatusBanner
            online={online}
            now={now}
            error={view.error}
            cachedAt={view.cachedAt}
            data={view.data}
          />
          {view.data && detail && (
            <CoinDetail
              coin={detail}
              pinned={view.data.pins.includes(detail)}
              now={now}
              onBack={() => closeDetail(detail)}
              onPin={(coin) => void updatePins({ type: 'pinCoin', coin })}
              onUnpin={(coin) => void updatePins({ type: 'unpinCoin', coin })}
            />
          )}
          {view.data && !detail && (
            <MarketView
              data={view.data}
              now={now}
              onPins={updatePins}
              onOpen={openDetail}
              pinProblem={pinProblem}
            />
          )}
        </>
      )}
    </main>
  );
}
