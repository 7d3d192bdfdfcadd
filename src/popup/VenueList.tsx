import { formatAge } from '../core/format';
import type { VenueStatus } from '../messages';

const VENUE_NAMES: Record<VenueStatus['venue'], string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
  bitget: 'Bitget',
  gate: 'Gate',
};

export function VenueList({ venues, now }: { venues: VenueStatus[]; now: number }) {
  return (
    <section class="venues" aria-label="Data sources">
      <h2>Data sources</h2>
      <ul>
        {venues.map((venue) => (
          <li key={venue.venue} data-venue={venue.venue} data-state={venue.state}>
            <span class={`dot ${venue.state}`} aria-hidden="true" />
            <span class="name">{VENUE_NAMES[venue.venue]}</span>
            <span class="state-name">{venue.state}</span>
            <span class="detail">
              {venue.reason ?? ''}
              {venue.lastSuccessAt !== null &&
                ` · last data ${formatAge(now - venue.lastSuccessAt)} ago`}
              {venue.state !== 'live' && venue.nextAttemptAt !== null && venue.nextAttemptAt > now
                ? ` · next try in ${formatAge(venue.nextAttemptAt - now)}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
