/** Figures older than this are shown as stale, with their age. */
export const STALE_AFTER_MS = 3 * 60_000;
