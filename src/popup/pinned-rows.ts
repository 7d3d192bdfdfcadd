// The pinned list as the user ordered it: each pin with its figures, or with the reason it has
// none (a pin is never left out because no enabled venue lists it).
import type { CoinContext, NoFigures } from '../messages';

export type PinnedRow = CoinContext | NoFigures;

/** Whether a row carries figures (a CoinContext) rather than the reason it has none. */
export const hasFigures = (row: PinnedRow): row is CoinContext => !('reason' in row);

/** The pins in order, each with its context or else its reason (the background gives one). */
export function pinnedRows(
  pins: readonly string[],
  contexts: ReadonlyMap<string, CoinContext>,
  reasons: readonly NoFigures[],
): PinnedRow[] {
  const reasonOf = new Map(reasons.map((reason) => [reason.coin, reason]));
  return pins.flatMap((coin) => contexts.get(coin) ?? reasonOf.get(coin) ?? []);
}

/** The pins the background had no figures for, to ask why. */
export const pinsWithoutFigures = (
  pins: readonly string[],
  contexts: ReadonlyMap<string, CoinContext>,
) => pins.filter((coin) => !contexts.has(coin));
