import { bybit } from './bybit';
import type { Venue } from './venue';

/** Every venue the extension reads, in the order the popup lists them. */
export const VENUES: readonly Venue[] = [bybit];
