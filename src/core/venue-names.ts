// The venues as users know them, for every place that names one (popup, hover card). A few bytes
// with no imports at run time, so the card's lazy chunk can take it without growing the page load.
import type { VenueId } from '../messages';

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
