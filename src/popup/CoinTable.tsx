import { useState } from 'preact/hooks';
import { NOT_KNOWN } from '../core/format';
import { t } from '../i18n';
import type { CoinContext, NoFigures } from '../messages';
import { fmt } from './format';
import { describeNoFigures } from './no-figures-text';
import { hasFigures, type PinnedRow } from './pinned-rows';
import { SignalChips } from './SignalList';
import { STALE_AFTER_MS } from './staleness';

interface CoinTableProps {
  /** Coins with figures; a pinned table also holds pins without any, with the reason. */
  coins: readonly PinnedRow[];
  label: string;
  testId: string;
  pinned: boolean;
  now: number;
  onPin?: (coin: string) => void;
  onUnpin?: (coin: string) => void;
  /** Moves a pinned coin up (−1) or down (+1). */
  onMove?: (coin: string, step: -1 | 1) => void;
  /** A pinned coin dropped on another's row takes its place. */
  onDrop?: (coin: string, target: string) => void;
  /** Opens the coin's detail (click on the row, or Enter on it). */
  onOpen?: (coin: string) => void;
}

const DRAG_TYPE = 'application/x-ll-coin';

/** Price and 24h change of a row, with the figures' age once they are stale. */
function PriceCells({ coin, now }: { coin: CoinContext; now: number }) {
  const age = now - coin.asOf;
  return (
    <>
      <td>
        {fmt.price(coin.price.usd)}
        {age > STALE_AFTER_MS && (
          <span class="row-age stale" data-testid="row-age">
            {t('agoShort', fmt.age(age))}
          </span>
        )}
      </td>
      <td class={(coin.price.change24hPct ?? 0) < 0 ? 'down' : 'up'}>
        {fmt.percent(coin.price.change24hPct)}
      </td>
    </>
  );
}

/** The row's figures, or a dash in each place for a coin no enabled venue gives figures for. */
function FigureCells({ row, now }: { row: PinnedRow; now: number }) {
  if (!hasFigures(row)) {
    return (
      <>
        <td>{NOT_KNOWN}</td>
        <td>{NOT_KNOWN}</td>
        <td>{NOT_KNOWN}</td>
        <td>{NOT_KNOWN}</td>
      </>
    );
  }
  return (
    <>
      <PriceCells coin={row} now={now} />
      <td>
        <data value={row.oi.usd ?? ''}>{fmt.usdCompact(row.oi.usd)}</data>
      </td>
      <td>{fmt.percent(row.funding.apr)}</td>
    </>
  );
}

const noteId = (coin: string) => `no-figures-${encodeURIComponent(coin)}`;

/** Why a pinned coin has no figures, under its name; the row's description for screen readers. */
function NoFiguresNote({ row }: { row: NoFigures }) {
  return (
    <span class="row-note" id={noteId(row.coin)} data-testid="no-figures">
      {describeNoFigures(row)}
    </span>
  );
}

export function CoinTable(props: CoinTableProps) {
  const { coins, label, testId, pinned, now, onPin, onUnpin, onMove, onDrop, onOpen } = props;
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
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
  const dragProps = (coin: string) =>
    pinned && onDrop
      ? {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer?.setData(DRAG_TYPE, coin);
            if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            setDragging(coin);
          },
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            setOver(coin);
          },
          onDragEnd: () => {
            setDragging(null);
            setOver(null);
          },
          onDrop: (event: DragEvent) => {
            const moved = event.dataTransfer?.getData(DRAG_TYPE);
            event.preventDefault();
            setDragging(null);
            setOver(null);
            if (moved && moved !== coin) onDrop(moved, coin);
          },
        }
      : {};
  const rowClass = (coin: string, openable: boolean) =>
    [
      openable && 'openable',
      dragging === coin && 'dragging',
      over === coin && dragging !== coin && 'drop-target',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <table class="coins" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('colCoin')}</th>
          <th scope="col">{t('colPrice')}</th>
          <th scope="col">{t('col24h')}</th>
          <th scope="col">{t('colOi')}</th>
          <th scope="col">{t('colFunding')}</th>
          <th scope="col">
            <span class="visually-hidden">{pinned ? t('colUnpin') : t('colPin')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {coins.map((coin) => (
          <tr
            key={coin.coin}
            data-coin={coin.coin}
            class={rowClass(coin.coin, Boolean(onOpen))}
            tabIndex={pinned || onOpen ? 0 : undefined}
            onKeyDown={onKeyDown(coin.coin)}
            // A click on the row, not on its pin button, opens the detail.
            onClick={(event) => !(event.target as Element).closest('button') && onOpen?.(coin.coin)}
            aria-label={
              pinned ? t('pinnedRowLabel', coin.coin) : onOpen && t('detailOpenLabel', coin.coin)
            }
            aria-describedby={hasFigures(coin) ? undefined : noteId(coin.coin)}
            {...dragProps(coin.coin)}
          >
            <th scope="row">
              {pinned && onDrop && (
                <span class="grip" aria-hidden="true">
                  ⠿
                </span>
              )}
              {coin.coin}{' '}
              {hasFigures(coin) ? (
                <SignalChips signals={coin.signals} />
              ) : (
                <NoFiguresNote row={coin} />
              )}
            </th>
            <FigureCells row={coin} now={now} />
            <td>
              {pinned ? (
                <button
                  type="button"
                  class="icon"
                  aria-label={t('unpinCoin', coin.coin)}
                  onClick={() => onUnpin?.(coin.coin)}
                >
                  ✕
                </button>
              ) : (
                <button
                  type="button"
                  class="icon"
                  aria-label={t('pinCoin', coin.coin)}
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
