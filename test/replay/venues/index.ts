import type { ReplayVenue } from '../venue';
import { bybit } from './bybit';

export const REPLAY_VENUES: readonly ReplayVenue[] = [bybit];
