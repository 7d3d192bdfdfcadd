// Which venues the user has switched off (storage.sync). A switched-off venue is not polled or
// streamed and is left out of every figure; at least one venue stays on, or nothing could be shown.
import { z } from 'zod';
import { VENUE_IDS, type VenueId } from '../messages';

export const VenueSettings = z.object({
  disabled: z
    .array(z.enum(VENUE_IDS))
    .max(VENUE_IDS.length - 1, { error: 'at least one venue must stay on' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'a venue is listed twice' }),
});
export type VenueSettings = z.infer<typeof VenueSettings>;

export const DEFAULT_VENUE_SETTINGS: VenueSettings = { disabled: [] };

/** Stored or requested venue settings: valid ones as they are, or the problem in plain words. */
export function parseVenueSettings(
  value: unknown,
): { ok: true; settings: VenueSettings } | { ok: false; error: string } {
  const parsed = VenueSettings.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    error: `invalid venue settings (${parsed.error.issues.map((issue) => issue.message).join('; ')})`,
  };
}

/** The venues that are on, in the registry's order. */
export function enabledVenues(settings: VenueSettings): VenueId[] {
  return VENUE_IDS.filter((venue) => !settings.disabled.includes(venue));
}
