// The pins in a new order, for the keyboard (one step) and for drag and drop (to another's place).

/** The pins with `coin` moved one place up or down (unchanged at either end). */
export function movedByStep(pins: readonly string[], coin: string, step: -1 | 1): string[] {
  const from = pins.indexOf(coin);
  return movedTo(pins, coin, pins[from + step] ?? coin);
}

/** The pins with `coin` taking `target`'s place (the others shift); unchanged if either is absent. */
export function movedTo(pins: readonly string[], coin: string, target: string): string[] {
  const from = pins.indexOf(coin);
  const to = pins.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...pins];
  const next = [...pins];
  next.splice(from, 1);
  next.splice(to, 0, coin);
  return next;
}

/** Where the keyboard goes when `item` leaves the list: the next item, else the one before. */
export function neighbourOf(list: readonly string[], item: string): string | null {
  const at = list.indexOf(item);
  if (at < 0) return null;
  return list[at + 1] ?? list[at - 1] ?? null;
}
