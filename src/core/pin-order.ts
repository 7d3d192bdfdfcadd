// The pins and their order: a coin pinned, unpinned, moved onto another's place (drag and drop)
// or one step (Alt+arrow), and where the keyboard goes when a coin leaves a list. Pure: the popup
// names the change, the background applies it to the pins as stored.
import { MAX_PINS, type PopupToBackground } from '../messages';

export type PinChange = Extract<
  PopupToBackground,
  { type: 'pinCoin' | 'unpinCoin' | 'movePin' | 'stepPin' }
>;

/** The pins after `change`, or why it is refused. */
export function changedPins(
  current: readonly string[],
  change: PinChange,
): { pins: string[] } | { error: string } {
  switch (change.type) {
    case 'pinCoin': {
      const coin = change.coin.toUpperCase();
      if (current.includes(coin)) return { pins: [...current] };
      if (current.length >= MAX_PINS) return { error: `at most ${MAX_PINS} coins can be pinned` };
      return { pins: [...current, coin] };
    }
    case 'unpinCoin':
      return { pins: current.filter((coin) => coin !== change.coin.toUpperCase()) };
    case 'movePin':
    case 'stepPin': {
      // A coin unpinned meanwhile (or a step past either end) leaves the pins as they are.
      const coin = change.coin.toUpperCase();
      const target =
        change.type === 'movePin'
          ? change.target.toUpperCase()
          : targetByStep(current, coin, change.step);
      return { pins: target ? movedTo(current, coin, target) : [...current] };
    }
  }
}

/** The coin one place up (−1) or down (+1) from `coin`, or null at either end. */
export function targetByStep(pins: readonly string[], coin: string, step: -1 | 1): string | null {
  const from = pins.indexOf(coin);
  return from < 0 ? null : (pins[from + step] ?? null);
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
