// The extension APIs the content script uses at page load, without webextension-polyfill (about
// 4 KB gzip on every page the user reads). In Manifest V3 both Chrome's `chrome.*` and Firefox's
// `browser.*` return promises from runtime.sendMessage, and runtime.connect and
// storage.onChanged have the same shape in both, which is all this script needs.
type ContentApi = Pick<typeof chrome, 'runtime' | 'storage'>;

export const extension: ContentApi =
  (globalThis as { browser?: ContentApi }).browser ?? globalThis.chrome;
