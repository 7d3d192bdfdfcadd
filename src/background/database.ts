// The worker's IndexedDB: liquidation buckets, listening coverage, recent event keys, hourly OI
// snapshots, cached OI history and funding history. Opened through idb; one schema, versioned here.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { FundingSettlement } from '../core/coin-history';
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
  /** When the whole month was last fetched (absent in records of earlier versions). */
  wholeAt?: number;
  points: OiPoint[];
}

export interface RecentKeysRecord {
  slot: string;
  venue: VenueId;
  page: number;
  keys: string[];
}

export interface FundingHistoryRecord {
  /** `venue|coin`. */
  key: string;
  venue: VenueId;
  coin: string;
  /** The market whose settlements these are (a venue may list a coin against several quotes). */
  symbol: string;
  fetchedAt: number;
  settlements: FundingSettlement[];
}

interface LensDb extends DBSchema {
  buckets: { key: string; value: MinuteBucket; indexes: { minute: number } };
  coverage: { key: VenueId; value: { venue: VenueId; intervals: Interval[] } };
  /** A venue's recent event keys in pages; `slot` (venue|n) is reused as pages roll over. */
  recentKeyPages: { key: string; value: RecentKeysRecord };
  oiSnapshots: { key: number; value: OiSnapshotRecord };
  oiHistory: { key: string; value: OiHistoryRecord };
  fundingHistory: { key: string; value: FundingHistoryRecord };
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
        // Funding history for the coin detail's chart.
        db.createObjectStore('fundingHistory', { keyPath: 'key' });
      }
    },
  });
}
