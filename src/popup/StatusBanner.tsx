// One line above the figures when they are not simply live: from the cache (with its age),
// offline, every venue failing, or the background out of reach.
import { t } from '../i18n';
import type { PopupData } from './api';
import { fmt } from './format';

/** True when the venues that are on all fail (none live, none still waiting for a first answer). */
function everyVenueFailing(data: PopupData): boolean {
  const enabled = data.venues.filter((venue) => venue.enabled);
  return (
    enabled.length > 0 &&
    enabled.every((venue) => venue.state !== 'live' && venue.state !== 'waiting')
  );
}

export function StatusBanner({
  online,
  now,
  error,
  cachedAt,
  data,
}: {
  online: boolean;
  now: number;
  error: string | null;
  cachedAt: number | null;
  data: PopupData | null;
}) {
  const asOf = data?.market.asOf ?? null;
  const figuresAge = asOf === null ? null : fmt.age(now - asOf);
  if (error) {
    return (
      <div class="banner error" role="alert" data-testid="error">
        <p>{t('errorBackground', error)}</p>
        {figuresAge && <p>{t('showingSaved', figuresAge)}</p>}
      </div>
    );
  }
  if (!online || (data && everyVenueFailing(data))) {
    return (
      <div class="banner offline" role="status" data-testid="offline">
        <p>{online ? t('allVenuesFailing') : t('offline')}</p>
        {figuresAge && <p>{t('showingSaved', figuresAge)}</p>}
      </div>
    );
  }
  if (cachedAt !== null) {
    return (
      <p class="banner cached" role="status" data-testid="cached">
        {t('cachedUpdating', fmt.age(now - cachedAt))}
      </p>
    );
  }
  return null;
}
