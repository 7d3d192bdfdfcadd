import { formatPercent, formatPrice, formatUsdCompact } from '../core/format';
import { t } from '../i18n';
import type { CoinContext } from '../messages';
import { SignalChips } from './SignalList';

interface CoinTableProps {
  coins: CoinContext[];
  label: string;
  testId: string;
  pinned: boolean;
  onPin?: (coin: string) => void;
  onUnpin?: (coin: string) => void;
  /** Moves a pinned coin up (−1) or down (+1). */
  onMove?: (coin: string, step: -1 | 1) => void;
  /** Opens the coin's detail (click on the row, or Enter on it). */
  onOpen?: (coin: string) => void;
}

export function CoinTable({
  coins,
  label,
  testId,
  pinned,
  onPin,
  onUnpin,
  onMove,
  onOpen,
}: CoinTableProps) {
  if (coins.length === 0) return null;
  // Alt+↑ / Alt+↓ on a pinned row moves it: reordering without a mouse.
  const onKeyDown = (coin: string) => (event: KeyboardEvent) => {
    if (onOpen && event.key === 'Enter' && event.target === event.currentTarget) onOpen(coin);
    if (!pinned || !onMove || !event.altKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(coin, event.key === 'ArrowUp' ? -1 : 1);
    }
  };
  return (
    <table class="coins" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Coin</th>
          <th scope="col">Price</th>
          <th scope="col">24h</th>
          <th scope="col">OI</th>
          <th scope="col">Funding APR</th>
          <th scope="col">
            <span class="visually-hidden">{pinned ? 'Unpin' : 'Pin'}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {coins.map((coin) => (
          <tr
            key={coin.coin}
            data-coin={coin.coin}
            tabIndex={pinned || onOpen ? 0 : undefined}
            onKeyDown={onKeyDown(coin.coin)}
            // A click on the row, not on its pin button, opens the detail.
            onClick={(event) => !(event.target as Element).closest('button') && onOpen?.(coin.coin)}
            class={onOpen ? 'openable' : undefined}
            aria-label={
              pinned
                ? `${coin.coin}, pinned. Alt+Up or Alt+Down to move.`
                : onOpen && t('detailOpenLabel', coin.coin)
            }
          >
            <th scope="row">
              {coin.coin} <SignalChips signals={coin.signals} />
            </th>
            <td>{formatPrice(coin.price.usd)}</td>
            <td class={(coin.price.change24hPct ?? 0) < 0 ? 'down' : 'up'}>
              {formatPercent(coin.price.change24hPct)}
            </td>
            <td>
              <data value={coin.oi.usd ?? ''}>{formatUsdCompact(coin.oi.usd)}</data>
            </td>
            <td>{formatPercent(coin.funding.apr)}</td>
            <td>
              {pinned ? (
                <button
                  type="button"
                  class="icon"
                  aria-label={`Unpin ${coin.coin}`}
                  onClick={() => onUnpin?.(coin.coin)}
                >
                  ✕
                </button>
              ) : (
                <button
                  type="button"
                  class="icon"
                  aria-label={`Pin ${coin.coin}`}
                  onClick={() => onPin?.(coin.coin)}
                >
                  ☆
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
