// WebSocket frames get the same treatment as REST answers: parsed, checked by zod, and every
// failure turned into a VenueError the status logic understands.
import type { ZodType } from 'zod';
import { describeIssue, VenueError } from './client';
import type { Frame } from './venue';

export function parseFrame<T>(text: string, schema: ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new VenueError({ kind: 'malformed', detail: `frame: ${(error as Error).message}` });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new VenueError({ kind: 'schema', detail: `frame ${describeIssue(parsed.error)}` });
  return parsed.data;
}

/** Splits items into groups whose joined length stays under a venue's per-connection limit. */
export function splitByLength(items: readonly string[], maxChars: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const item of items) {
    if (current.length > 0 && length + item.length > maxChars) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(item);
    length += item.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Splits items into groups of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** The text of a frame to send now: as it is, or built with the current time. */
export function frameAt(frame: Frame, now: number): string {
  return typeof frame === 'string' ? frame : frame(now);
}
