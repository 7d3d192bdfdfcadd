// Every venue's liquidation side convention in one table (shared/venue-apis.md §12, "Side
// semantics differ"): the raw field, the normalised side, and the USD notional worked out by hand,
// each row run through the venue's own `liquidations.parse` on a minimal frame of the real shape.
import { describe, expect, it } from 'vitest';
import type { Instrument, LiquidatedSide } from '../../../src/core/market';
import type { VenueId } from '../../../src/messages';
import { binance } from '../../../src/venues/binance';
import { bitget } from '../../../src/venues/bitget';
import { bybit } from '../../../src/venues/bybit';
import { gate } from '../../../src/venues/gate';
import { hyperliquid } from '../../../src/venues/hyperliquid';
import { VENUES } from '../../../src/venues/index';
import { okx } from '../../../src/venues/okx';
import type { Venue } from '../../../src/venues/venue';

/** The trade time every frame carries, ms. */
const T = 1_786_276_801_200;

const instrument = (venue: VenueId, symbol: string, coin: string, lotSize: number): Instrument => ({
  venue,
  symbol,
  coin,
  lotSize,
  fundingIntervalHours: 8,
});

// ---- one minimal frame per venue, shaped as the venue pushes it ------------------------------

/** Binance `!forceOrder@arr`: a filled liquidation order; z × ap is the notional. */
const binanceFrame = (s: string, S: string, qty: string, price: string, avg: string) =>
  JSON.stringify({
    e: 'forceOrder',
    E: T + 4,
    o: { s, S, o: 'LIMIT', f: 'IOC', q: qty, p: price, ap: avg, X: 'FILLED', l: qty, z: qty, T },
  });

/** Bybit `allLiquidation.{symbol}`: v in lots (base coin for plain symbols), p per lot. */
const bybitFrame = (s: string, S: string, v: string, p: string) =>
  JSON.stringify({
    topic: `allLiquidation.${s}`,
    type: 'snapshot',
    ts: T + 300,
    data: [{ T, s, S, v, p }],
  });

/** OKX `liquidation-orders`: sz in contracts, bkPx per coin. */
const okxFrame = (instId: string, side: string, posSide: string, sz: string, bkPx: string) => {
  const family = instId.replace(/-SWAP$/, '');
  return JSON.stringify({
    arg: { channel: 'liquidation-orders', instType: 'SWAP' },
    data: [
      {
        instId,
        instFamily: family,
        instType: 'SWAP',
        uly: family,
        details: [{ side, posSide, bkPx, sz, bkLoss: '0', ccy: '', ts: String(T) }],
      },
    ],
  });
};

/** Bitget UTA v3 `liquidation`: amount is the quote-coin (USDT) notional. */
const bitgetFrame = (symbol: string, side: string, price: string, amount: string) =>
  JSON.stringify({
    action: 'update',
    arg: { instType: 'usdt-futures', topic: 'liquidation' },
    data: [{ symbol, side, price, amount, ts: String(T) }],
    ts: T + 62,
  });

/** Gate `futures.public_liquidates`: size in signed contracts, price per coin. */
const gateFrame = (contract: string, size: number, price: number) =>
  JSON.stringify({
    time: Math.floor(T / 1000),
    time_ms: T + 50,
    channel: 'futures.public_liquidates',
    event: 'update',
    result: [{ price, size, time_ms: T, contract }],
  });

// ---- the table ------------------------------------------------------------------------------

interface Convention {
  venue: Venue;
  /** The field that carries the side, and its raw value in this frame. */
  field: string;
  raw: string;
  instrument: Instrument;
  frame: string;
  side: LiquidatedSide;
  /** Worked out by hand, multipliers included. */
  usd: number;
}

/** A venue without a public liquidation stream: nothing to parse, so no feed at all. */
interface NoStream {
  venue: Venue;
  field: 'no public stream';
  raw: '-';
  side: null;
}

const CONVENTIONS: Array<Convention | NoStream> = [
  // §12: Binance `o.S` is the liquidation ORDER's side; SELL closes a long.
  {
    venue: binance,
    field: 'o.S',
    raw: 'SELL',
    instrument: instrument('binance', 'BTCUSDT', 'BTC', 1),
    frame: binanceFrame('BTCUSDT', 'SELL', '0.014', '64800', '65000'),
    side: 'long',
    usd: 910, // 0.014 BTC filled × 65,000 average (ap, not the order price p)
  },
  // §12: Binance `o.S` BUY closes a short. 1000PEPEUSDT: qty in 1000-PEPE lots, price per lot.
  {
    venue: binance,
    field: 'o.S',
    raw: 'BUY',
    instrument: instrument('binance', '1000PEPEUSDT', 'PEPE', 1000),
    frame: binanceFrame('1000PEPEUSDT', 'BUY', '500000', '0.0100', '0.0101'),
    side: 'short',
    usd: 5_050, // 500,000 lots × $0.0101 per lot = 500,000,000 PEPE × $0.0000101
  },
  // §12: Bybit `S` is the POSITION's side; Buy means a long was liquidated (unlike Binance).
  {
    venue: bybit,
    field: 'S',
    raw: 'Buy',
    instrument: instrument('bybit', '1000PEPEUSDT', 'PEPE', 1000),
    frame: bybitFrame('1000PEPEUSDT', 'Buy', '200000', '0.0101'),
    side: 'long',
    usd: 2_020, // 200,000 lots × $0.0101 per lot = 200,000,000 PEPE × $0.0000101
  },
  // §12: Bybit `S` Sell is a short position liquidated.
  {
    venue: bybit,
    field: 'S',
    raw: 'Sell',
    instrument: instrument('bybit', 'BTCUSDT', 'BTC', 1),
    frame: bybitFrame('BTCUSDT', 'Sell', '0.5', '64000'),
    side: 'short',
    usd: 32_000, // 0.5 BTC × 64,000 (bankruptcy price)
  },
  // §12: OKX `side` is the ORDER's side; sell closes a long (posSide may say `long`).
  {
    venue: okx,
    field: 'side',
    raw: 'sell',
    instrument: instrument('okx', 'BTC-USDT-SWAP', 'BTC', 0.01 * 1), // ctVal 0.01 × ctMult 1
    frame: okxFrame('BTC-USDT-SWAP', 'sell', 'long', '200', '64000'),
    side: 'long',
    usd: 128_000, // 200 contracts × 0.01 BTC × 64,000 bkPx
  },
  // §12: OKX `side` buy closes a short; posSide `net` (one-way mode) says nothing, the order does.
  {
    venue: okx,
    field: 'side',
    raw: 'buy',
    instrument: instrument('okx', 'DOGE-USDT-SWAP', 'DOGE', 100 * 10), // ctVal 100 × ctMult 10
    frame: okxFrame('DOGE-USDT-SWAP', 'buy', 'net', '25', '0.118'),
    side: 'short',
    usd: 2_950, // 25 contracts × 1,000 DOGE × 0.118 bkPx
  },
  // §12: Bitget `side` is the POSITION's side; buy is "long position liquidation".
  {
    venue: bitget,
    field: 'side',
    raw: 'buy',
    instrument: instrument('bitget', 'BTCUSDT', 'BTC', 1),
    frame: bitgetFrame('BTCUSDT', 'buy', '89000', '6000'),
    side: 'long',
    usd: 6_000, // amount is documented as quote coin (USDT): the notional itself, not × price
  },
  // §12: Bitget `side` sell is a short liquidated; a 1000-lot symbol changes nothing in USDT.
  {
    venue: bitget,
    field: 'side',
    raw: 'sell',
    instrument: instrument('bitget', '1000SATSUSDT', 'SATS', 1000),
    frame: bitgetFrame('1000SATSUSDT', 'sell', '0.0002', '20000'),
    side: 'short',
    usd: 20_000, // amount in USDT, independent of the lot
  },
  // §12: Gate `size` sign; negative (the liquidation order sells) is a long liquidated.
  {
    venue: gate,
    field: 'size',
    raw: '-5000',
    instrument: instrument('gate', 'BTC_USDT', 'BTC', 0.0001), // quanto_multiplier 0.0001
    frame: gateFrame('BTC_USDT', -5000, 64000),
    side: 'long',
    usd: 32_000, // |−5,000| contracts × 0.0001 BTC × 64,000
  },
  // §12: Gate `size` positive is a short liquidated.
  {
    venue: gate,
    field: 'size',
    raw: '30',
    instrument: instrument('gate', 'PEPE_USDT', 'PEPE', 10_000_000), // quanto_multiplier 1e7
    frame: gateFrame('PEPE_USDT', 30, 0.0000101),
    side: 'short',
    usd: 3_030, // 30 contracts × 10,000,000 PEPE × $0.0000101
  },
  // §12 / DESIGN.md: Hyperliquid has no public liquidation stream (liquidation fills appear only
  // in user-specific channels), so `hyperliquid.liquidations` is undefined.
  { venue: hyperliquid, field: 'no public stream', raw: '-', side: null },
];

describe('liquidation side conventions, every venue (venue-apis.md §12)', () => {
  const label = (row: Convention | NoStream) =>
    row.side === null
      ? `${row.venue.id}: no public liquidation stream`
      : `${row.venue.id}: ${row.field} = ${row.raw} → ${row.side} liquidated, ${row.usd} USD`;

  it.each(CONVENTIONS.map((row) => [label(row), row] as const))('%s', (_label, row) => {
    if (row.side === null) {
      expect(row.venue.liquidations).toBeUndefined();
      return;
    }
    const bySymbol = new Map([[row.instrument.symbol, row.instrument]]);
    const parsed = row.venue.liquidations?.parse(row.frame, bySymbol);
    expect(parsed).toEqual([
      {
        coin: row.instrument.coin,
        venue: row.venue.id,
        side: row.side,
        usd: expect.closeTo(row.usd, 6),
        time: T,
      },
    ]);
  });

  it('the table has both sides of every venue with a stream, and a row for every other venue', () => {
    for (const venue of VENUES) {
      const sides = CONVENTIONS.filter((row) => row.venue === venue).map((row) => row.side);
      const expected = venue.liquidations ? ['long', 'short'] : [null];
      expect([venue.id, sides.sort()]).toEqual([venue.id, expected]);
    }
  });
});
