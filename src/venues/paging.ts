// Venues that list history newest first, a page at a time: ask for rows older than the oldest
// one seen until the range's start is reached or a page comes back short.
import type { TimeRange } from './venue';

/**
 * Every row of the range, newest pages first. `fetchPage(olderThan)` returns up to `pageSize`
 * rows older than `olderThan` (exclusive); `maxPages` bounds the loop against a venue that
 * ignores the bound.
 */
export async function pageBack<T>(
  range: TimeRange,
  { pageSize, maxPages }: { pageSize: number; maxPages: number },
  fetchPage: (olderThan: number) => Promise<readonly T[]>,
  timeOf: (row: T) => number,
): Promise<T[]> {
  const rows: T[] = [];
  let olderThan = range.to + 1;
  for (let page = 0; page < maxPages; page++) {
    const batch = await fetchPage(olderThan);
    rows.push(...batch.filter((row) => timeOf(row) >= range.from && timeOf(row) <= range.to));
    const oldest = Math.min(...batch.map(timeOf));
    if (batch.length < pageSize || oldest <= range.from) break;
    olderThan = oldest;
  }
  return rows;
}

/** Pages an hourly history of the range can take, plus one for rows on the boundary. */
export const pagesFor = (range: TimeRange, pageSize: number) =>
  Math.ceil((range.to - range.from) / 3_600_000 / pageSize) + 1;
