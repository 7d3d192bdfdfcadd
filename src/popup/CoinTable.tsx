import { formatPercent, formatPrice, formatUsdCompact } from '../core/format';
import type { CoinContext } from '../messages';
import { SignalChips } from './SignalList';

export function CoinTable({ coins }: { coins: CoinContext[] }) {
  if (coins.length === 0) return null;
  return (
    <table class="coins" aria-label="Largest coins by open interest">
      <thead>
        <tr>
          <th scope="col">Coin</th>
          <th scope="col">Price</th>
          <th scope="col">24h</th>
          <th scope="col">OI</th>
          <th scope="col">Funding APR</th>
        </tr>
      </thead>
      <tbody>
        {coins.map((coin) => (
          <tr key={coin.coin} data-coin={coin.coin}>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
