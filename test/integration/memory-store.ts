import type { KeyValueStore } from '../../src/background/state';

/** A KeyValueStore kept in memory, round-tripping values through JSON as browser storage does. */
export function memoryStore(): KeyValueStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    async get(key) {
      const value = raw.get(key);
      return value === undefined ? undefined : JSON.parse(value);
    },
    async set(entries) {
      for (const [key, value] of Object.entries(entries)) raw.set(key, JSON.stringify(value));
    },
  };
}
