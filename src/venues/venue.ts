import type { Instrument, MarketRow } from '../core/market';
import type { VenueId } from '../messages';
import type { VenueClient, VenueHosts } from './client';

/** What every venue file offers the background. Nothing outside src/venues sees field names. */
export interface Venue {
  id: VenueId;
  hosts: VenueHosts;
  /** The tradable perpetual markets, from the venue's instrument metadata. */
  fetchInstruments(client: VenueClient): Promise<Instrument[]>;
  /** One bulk call for every market: price, open interest, funding. */
  fetchSnapshot(client: VenueClient, instruments: readonly Instrument[]): Promise<MarketRow[]>;
}
