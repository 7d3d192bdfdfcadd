import { binance } from './binance';
import { bitget } from './bitget';
import { bybit } from './bybit';
import { hyperliquid } from './hyperliquid';
import type { Venue } from './venue';

/** Every venue the extension reads, in the order the popup lists them. */
export const VENUES: readonly Venue[] = [binance, bybit, hyperliquid, bitget];
