// Venue ids as the names users know. Pure.
import type { VenueId } from '../messages';

/** The venues as users know them, in every language. */
export const VENUE_NAMES: Readonly<Record<VenueId, string>> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
  bitget: 'Bitget',
  gate: 'Gate',
};

/** "OKX, Bitget": venue ids as names, in the order given. */
export const venueNames = (venues: readonly VenueId[]): string =>
  venues.map((venue) => VENUE_NAMES[venue]).join(', ');
