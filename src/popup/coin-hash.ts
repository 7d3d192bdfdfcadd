// `#coin=BTC` in the popup's URL opens that coin's detail (a notification's click opens the
// popup's page so); the hash follows the detail, so Back in a tab leaves it too.
import { useEffect, useState } from 'preact/hooks';

const COIN_HASH = /^#coin=([A-Za-z0-9]{1,20})$/;

/** The coin a `#coin=…` hash names, upper-cased; null for any other hash. */
export function coinFromHash(hash: string): string | null {
  return COIN_HASH.exec(hash)?.[1]?.toUpperCase() ?? null;
}

/** The coin whose detail is open, kept in the URL's hash; null for the list. */
export function useCoinHash(): [string | null, (coin: string | null) => void] {
  const [coin, setCoin] = useState(() => coinFromHash(location.hash));
  useEffect(() => {
    const follow = () => setCoin(coinFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const open = (next: string | null) => {
    // Without the hash the URL keeps a bare `#`; replaceState leaves none.
    if (next) location.hash = `coin=${next}`;
    else history.replaceState(null, '', location.pathname + location.search);
    setCoin(next);
  };
  return [coin, open];
}
