import { formatAge } from '../core/format';
import type { VenueHealth } from '../messages';

const VENUE_NAMES: Record<VenueHealth['venue'], string> = {
  binance: 'Binance',
  bybit: 'Bybit',
  okx: 'OKX',
  hyperliquid: 'Hyperliquid',
  bitget: 'Bitget',
  gate: 'Gate',
};

function pollDetail(venue: VenueHealth, now: number): string {
  const parts: string[] = [];
  if (venue.reason) parts.push(venue.reason);
  if (venue.lastSuccessAt !== null)
    parts.push(`last data ${formatAge(now - venue.lastSuccessAt)} ago`);
  if (venue.state !== 'live' && venue.nextAttemptAt !== null && venue.nextAttemptAt > now) {
    parts.push(`next try in ${formatAge(venue.nextAttemptAt - now)}`);
  }
  return parts.join(' · ');
}

function streamDetail(venue: VenueHealth): string {
  const { stream } = venue;
  if (!stream) return 'no public liquidation stream';
  if (stream.connections === 0) return 'liquidations: not connected yet';
  const state =
    stream.connected === stream.connections ? 'liquidations live' : 'liquidations reconnecting';
  return stream.reason ? `${state} (${stream.reason})` : state;
}

export function VenueList({ venues, now }: { venues: VenueHealth[]; now: number }) {
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
              {pollDetail(venue, now)}
              <br />
              <span data-testid="stream">{streamDetail(venue)}</span>
              {venue.budgetUsedPct !== null &&
                ` · ${venue.budgetUsedPct.toFixed(1)}% of rate limit`}
              {!venue.oneSided && ' · OI sidedness not documented'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
