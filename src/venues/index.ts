import { binance } from './binance';
import { bitget } from './bitget';
import { bybit } from './bybit';
import { gate } from './gate';
import { hyperliquid } from './hyperliquid';
import { okx } from './okx';
import type { Venue } from './venue';

/** Every venue the extension reads, in the order the popup lists them. */
export const VENUES: readonly Venue[] = [binance, bybit, okx, hyperliquid, bitget, gate];
