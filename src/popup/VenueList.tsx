import {
  describeHistoryTrouble,
  describeStreamReason,
  describeVenueReason,
} from '../core/venue-reason';
import { t } from '../i18n';
import type { VenueHealth } from '../messages';
import { VENUE_NAMES } from '../words';
import { fmt } from './format';

const STATE_NAMES = {
  waiting: 'venueWaiting',
  live: 'venueLive',
  stale: 'venueStale',
  degraded: 'venueDegraded',
  failing: 'venueFailing',
} as const;

function pollDetail(venue: VenueHealth, now: number): string {
  const parts: string[] = [];
  if (venue.reason) parts.push(describeVenueReason(venue.reason, t));
  if (venue.lastSuccessAt !== null)
    parts.push(t('venueLastData', fmt.age(now - venue.lastSuccessAt)));
  if (venue.state !== 'live' && venue.nextAttemptAt !== null && venue.nextAttemptAt > now) {
    parts.push(t('venueNextTry', fmt.age(venue.nextAttemptAt - now)));
  }
  return parts.join(' · ');
}

function streamDetail(venue: VenueHealth): string {
  const { stream } = venue;
  if (!stream) return t('streamNone');
  if (stream.connections === 0) return t('streamNotConnected');
  const state = stream.connected === stream.connections ? t('streamLive') : t('streamReconnecting');
  return stream.reason ? `${state} (${describeStreamReason(stream.reason, t)})` : state;
}

function Detail({ venue, now }: { venue: VenueHealth; now: number }) {
  if (!venue.enabled) return <span class="detail">{t('venueOffDetail')}</span>;
  return (
    <span class="detail">
      {pollDetail(venue, now)}
      <br />
      {venue.history && (
        <>
          <span data-testid="history">
            {describeHistoryTrouble(venue.history, now, t, fmt.age)}
          </span>
          <br />
        </>
      )}
      <span data-testid="stream">{streamDetail(venue)}</span>
      {venue.budgetUsedPct !== null &&
        ` · ${t('venueRateLimit', fmt.percent(venue.budgetUsedPct).replace(/^\+/, ''))}`}
      {!venue.oneSided && ` · ${t('venueSidedness')}`}
    </span>
  );
}

export function VenueList({ venues, now }: { venues: VenueHealth[]; now: number }) {
  return (
    <section class="venues" aria-labelledby="venues-heading">
      <h2 id="venues-heading">{t('dataSources')}</h2>
      <ul>
        {venues.map((venue) => {
          const state = venue.enabled ? venue.state : 'off';
          return (
            <li key={venue.venue} data-venue={venue.venue} data-state={state}>
              <span class={`dot ${state}`} aria-hidden="true" />
              <span class="name">{VENUE_NAMES[venue.venue]}</span>
              <span class="state-name">
                {venue.enabled ? t(STATE_NAMES[venue.state]) : t('venueOff')}
              </span>
              <Detail venue={venue} now={now} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
