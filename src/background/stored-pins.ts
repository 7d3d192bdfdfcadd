// The pins as storage.sync holds them, read back through zod. Pins also arrive by sync from the
// user's other browsers, so one damaged entry must not cost the rest: each entry is checked on
// its own, and a pin is kept upper-cased and once, as every change writes it.
import { z } from 'zod';
import { MAX_PINS } from '../messages';

const StoredPin = z.string().trim().min(1).max(20);

export function parseStoredPins(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const pins = stored.flatMap((entry) => {
    const parsed = StoredPin.safeParse(entry);
    return parsed.success ? [parsed.data.toUpperCase()] : [];
  });
  return [...new Set(pins)].slice(0, MAX_PINS);
}
