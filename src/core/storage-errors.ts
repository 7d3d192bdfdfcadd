// storage.sync refuses writes with terse messages ("QUOTA_BYTES_PER_ITEM quota exceeded"): this
// names which limit was hit, so the UI can say what the user can do about it.
export type StorageProblem = 'too-large' | 'too-many-writes' | 'sync-unavailable' | 'other';

export function storageProblem(message: string): StorageProblem {
  if (/QUOTA_BYTES|MAX_ITEMS/.test(message)) return 'too-large';
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED_WRITE/.test(message)) return 'too-many-writes';
  if (/sync.*(disabled|unavailable|not available)/i.test(message)) return 'sync-unavailable';
  return 'other';
}
