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

export interface RecentKeysRecord {
  slot: string;
  venue: VenueId;
  page: number;
  keys: string[];
}

interface LensDb extends DBSchema {
  buckets: { key: string; value: MinuteBucket; indexes: { minute: number } };
  coverage: { key: VenueId; value: { venue: VenueId; intervals: Interval[] } };
  /** A venue's recent event keys in pages; `slot` (venue|n) is reused as pages roll over. */
  recentKeyPages: { key: string; value: RecentKeysRecord };
  oiSnapshots: { key: number; value: OiSnapshotRecord };
  oiHistory: { key: string; value: OiHistoryRecord };
}

export type Database = IDBPDatabase<LensDb>;

export function openDatabase(name = 'leverage-lens'): Promise<Database> {
  return openDB<LensDb>(name, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('buckets', { keyPath: 'key' }).createIndex('minute', 'minute');
        db.createObjectStore('coverage', { keyPath: 'venue' });
        db.createObjectStore('oiSnapshots', { keyPath: 'hour' });
        db.createObjectStore('oiHistory', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        // Version 1 rewrote all of a venue's keys on every flush; the few minutes of replay
        // protection they gave are not worth a migration.
        const untyped = db as unknown as IDBPDatabase;
        if (untyped.objectStoreNames.contains('recentKeys'))
          untyped.deleteObjectStore('recentKeys');
        db.createObjectStore('recentKeyPages', { keyPath: 'slot' });
      }
    },
  });
}
