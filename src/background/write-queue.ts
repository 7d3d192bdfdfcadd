// One change at a time per storage key. A change reads the stored value, modifies it and writes
// it back; two at once (two popups, or the popup and a permission grant) would both read the
// same value, and the later write would drop the earlier change.

export type Serialize = <T>(key: string, change: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): Serialize {
  const last = new Map<string, Promise<unknown>>();
  return <T>(key: string, change: () => Promise<T>): Promise<T> => {
    // A failed change does not stop the ones queued after it: each answers for itself.
    const run = (last.get(key) ?? Promise.resolve()).then(change, change);
    last.set(key, run);
    const forget = () => {
      if (last.get(key) === run) last.delete(key);
    };
    run.then(forget, forget);
    return run;
  };
}
