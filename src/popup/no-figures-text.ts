// Why a coin has no figures, in the browser's language, with the venues named as the popup names them.
import { noFiguresReason } from '../core/no-figures';
import { t } from '../i18n';
import type { NoFigures } from '../messages';
import { VENUE_NAMES } from '../words';
import { listOf } from './format';

export const describeNoFigures = (row: NoFigures) =>
  noFiguresReason(row, t, (venues) => listOf(venues.map((venue) => VENUE_NAMES[venue])));
