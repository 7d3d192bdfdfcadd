// Why a coin has no figures, from which venues list it and which of them the user switched off.
// A pin (searched from the registry, pinned on a card, synced from another browser) may name a
// coin no enabled venue lists: the popup still shows it, with this reason instead of numbers.
import type { NoFigures, VenueId } from '../messages';
import type { MessageKey } from './english';

export interface VenueListing {
  venue: VenueId;
  enabled: boolean;
  /** The coins the venue listed at its last markets fetch; null when it was never fetched. */
  coins: ReadonlySet<string> | null;
}

export function whyNoFigures(coin: string, listings: readonly VenueListing[]): NoFigures {
  const venuesWhere = (test: (listing: VenueListing) => boolean) =>
    listings.filter(test).map((listing) => listing.venue);
  const lists = (listing: VenueListing) => listing.coins?.has(coin) === true;
  const waiting = venuesWhere((listing) => listing.enabled && lists(listing));
  if (waiting.length > 0) return { coin, reason: 'waiting', venues: waiting };
  // An enabled venue whose markets are not known could list the coin: "not listed" would be a guess.
  const unknown = venuesWhere((listing) => listing.enabled && listing.coins === null);
  if (unknown.length > 0) return { coin, reason: 'markets-unknown', venues: unknown };
  const off = venuesWhere((listing) => !listing.enabled && lists(listing));
  if (off.length > 0) return { coin, reason: 'venues-off', venues: off };
  return { coin, reason: 'unlisted', venues: [] };
}

type Say = (key: MessageKey, ...substitutions: string[]) => string;

/** The reason in words: `say` is t() (or english() in Node), `names` lists venues by name. */
export function noFiguresReason(
  { reason, venues }: NoFigures,
  say: Say,
  names: (venues: readonly VenueId[]) => string,
): string {
  switch (reason) {
    case 'unlisted':
      return say('noFiguresUnlisted');
    case 'venues-off':
      return say(venues.length === 1 ? 'noFiguresVenueOff' : 'noFiguresVenuesOff', names(venues));
    case 'waiting':
      return say('noFiguresWaiting', names(venues));
    case 'markets-unknown':
      return say('noFiguresMarketsUnknown', names(venues));
  }
}
