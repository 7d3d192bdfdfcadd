// Search-as-you-type to pin a coin, over the registry's names and tickers and every coin the
// venues list. The WAI-ARIA combobox pattern: the input keeps the focus, arrows move the active
// option (aria-activedescendant), Enter pins it, Escape closes the list (then clears the input).
import { useMemo, useState } from 'preact/hooks';
import { registryEntries, searchCoins } from '../core/coin-search';
import { t } from '../i18n';
import { listedCoins } from './api';

const LISTBOX_ID = 'pin-search-options';
const optionId = (coin: string) => `pin-option-${coin}`;

export function PinSearch({
  pins,
  onPin,
}: {
  pins: readonly string[];
  onPin: (coin: string) => void;
}) {
  const registry = useMemo(registryEntries, []);
  const [venueCoins, setVenueCoins] = useState<string[] | null>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const matches = useMemo(
    () =>
      searchCoins(query, registry, venueCoins ?? []).filter((match) => !pins.includes(match.coin)),
    [query, registry, venueCoins, pins],
  );
  const expanded = open && matches.length > 0;
  const current = matches[Math.min(active, matches.length - 1)];

  // The venues' list is asked for once, when the user first comes to the search.
  const loadVenueCoins = () => {
    if (venueCoins !== null) return;
    setVenueCoins([]);
    listedCoins().then(setVenueCoins, () => setVenueCoins([]));
  };

  const choose = (coin: string) => {
    onPin(coin);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === 'Enter') {
      if (expanded && current) {
        event.preventDefault();
        choose(current.coin);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div class="pin-search">
      <label for="pin-search-input">{t('searchLabel')}</label>
      <input
        id="pin-search-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={expanded && current ? optionId(current.coin) : undefined}
        value={query}
        onFocus={loadVenueCoins}
        onInput={(event) => {
          setQuery((event.target as HTMLInputElement).value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div id={LISTBOX_ID} role="listbox" aria-label={t('searchResults')} hidden={!expanded}>
        {expanded &&
          matches.map((match) => (
            <div
              key={match.coin}
              tabIndex={-1}
              id={optionId(match.coin)}
              role="option"
              aria-selected={match === current}
              class={match === current ? 'active' : undefined}
              data-coin={match.coin}
              // mousedown, not click: the input must not lose the focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(match.coin);
              }}
            >
              <strong>{match.coin}</strong>
              {match.name && <span class="muted"> {match.name}</span>}
            </div>
          ))}
      </div>
      {open && query.trim() !== '' && matches.length === 0 && (
        <p class="muted" role="status">
          {t('searchNoMatch', query.trim())}
        </p>
      )}
    </div>
  );
}
