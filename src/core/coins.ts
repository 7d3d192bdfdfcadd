// Canonical coin ids: the base asset ticker as traders write it.

/** Stablecoins are quote currencies, never coins of their own. */
export const STABLECOINS: ReadonlySet<string> = new Set([
  'USDT',
  'USDC',
  'DAI',
  'FDUSD',
  'TUSD',
  'USDE',
  'USDD',
  'PYUSD',
  'BUSD',
  'USD1',
  'RLUSD',
  'USDP',
]);

// Venues list low-priced coins in lots: 1000PEPE, 1000000MOG, 1MBABYDOGE (Binance, Bybit), kPEPE (Hyperliquid).
const LOT_PREFIXES: ReadonlyArray<readonly [prefix: string, factor: number]> = [
  ['1000000', 1_000_000],
  ['10000', 10_000],
  ['1000', 1_000],
  ['1M', 1_000_000],
  ['k', 1_000],
];

export interface BaseAsset {
  coin: string;
  /** How many coins one unit of the venue's base asset stands for. */
  lotSize: number;
}

/**
 * Maps a venue's base-asset name (from its instrument metadata) to the canonical coin and the
 * lot size, so that `1000PEPE` is 1000 PEPE. A prefix counts only when an upper-case ticker
 * follows it, so `1INCH` stays `1INCH`.
 */
export function parseBaseAsset(base: string): BaseAsset {
  for (const [prefix, factor] of LOT_PREFIXES) {
    const rest = base.slice(prefix.length);
    if (base.startsWith(prefix) && /^[A-Z][A-Z0-9]{1,14}$/.test(rest)) {
      return { coin: rest, lotSize: factor };
    }
  }
  return { coin: base.toUpperCase(), lotSize: 1 };
}
