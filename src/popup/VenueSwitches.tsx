// Venues on/off. A venue switched off is not asked for anything and is left out of every figure;
// the background refuses switching the last one off, and a refused save says why.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { VENUE_IDS, type VenueId } from '../messages';
import { VENUE_NAMES } from '../words';
import { setVenueEnabled } from './api';
import { saveErrorText } from './save-error';

/**
 * `disabled`: the venues off as the popup's data (cached, then live) says, so the switches are
 * there at the first paint and follow a change made in another popup or browser.
 */
export function VenueSwitches({ disabled }: { disabled: readonly VenueId[] }) {
  // The background's answer to this popup's own switch, until the data catches up with it.
  const [answered, setAnswered] = useState<VenueId[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dataKey = disabled.join(',');
  useEffect(() => setAnswered(null), [dataKey]);

  const shown = answered ?? disabled;
  const toggle = async (venue: VenueId, on: boolean) => {
    try {
      // The switch alone is sent, not the list as this popup last saw it: another popup's (or a
      // quick second click's) change made meanwhile stays.
      setAnswered(await setVenueEnabled(venue, on));
      setProblem(null);
    } catch (error) {
      const message = (error as Error).message;
      setProblem(
        message.includes('at least one venue') ? t('errorLastVenue') : saveErrorText(message),
      );
    }
  };
  return (
    <fieldset class="venue-switches" data-testid="venue-switches">
      <legend>{t('venuesLegend')}</legend>
      {VENUE_IDS.map((venue) => (
        <label key={venue}>
          <input
            type="checkbox"
            name={venue}
            checked={!shown.includes(venue)}
            onChange={(event) => void toggle(venue, (event.target as HTMLInputElement).checked)}
          />{' '}
          {VENUE_NAMES[venue]}
        </label>
      ))}
      <p class="hint">{t('venuesHint')}</p>
      {problem && (
        <p class="state error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
