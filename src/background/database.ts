// The worker's IndexedDB: liquidation buckets, listening coverage, recent event keys, hourly OI
// snapshots and cached OI history. Opened through idb; one schema, versioned here.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Interval } from '../core/intervals';
import type { MinuteBucket } from '../core/liquidations';
import type { OiPoint } from '../core/market';
import type { VenueId } from '../messages';

export interface OiSnapshotRecord {
  /** Start of the hour, ms: one record per hour. */
  hour: number;
  /** When the poll it holds was made (the first of the hour). */
  time: number;
  /** [coin, venue, oiUsd] for every market of that poll. */
  rows: Array<[string, VenueId, number]>;
}

export interface OiHistoryRecord {
  key: string;
  venue: VenueId;
  coin: string;
  fetchedAt: number;
  points: OiPoint[];
}

interface LensDb extends DBSchema {
  buckets: { key: string; value: MinuteBucket; indexes: { minute: number } };
  coverage: { key: VenueId; value: { venue: VenueId; intervals: Interval[] } };
  recentKeys: { key: VenueId; value: { venue: VenueId; keys: string[] } };
  oiSnapshots: { key: number; value: OiSnapshotRecord };
  oiHistory: { key: string; value: OiHistoryRecord };
}

export type Database = IDBPDatabase<LensDb>;

export function openDatabase(name = 'leverage-lens'): Promise<Database> {
  return openDB<LensDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('buckets', { keyPath: 'key' }).createIndex('minute', 'minute');
      db.createObjectStore('coverage', { keyPath: 'venue' });
      db.createObjectStore('recentKeys', { keyPath: 'venue' });
      db.createObjectStore('oiSnapshots', { keyPath: 'hour' });
      db.createObjectStore('oiHistory', { keyPath: 'key' });
    },
  });
}
