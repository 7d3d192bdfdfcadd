// The extension APIs the content script uses at page load, without webextension-polyfill (about
// 4 KB gzip on every page the user reads). In Manifest V3 both Chrome's `chrome.*` and Firefox's
// `browser.*` return promises from runtime.sendMessage, and runtime.connect and
// storage.onChanged have the same shape in both, and so do i18n's synchronous getUILanguage and
// getMessage, which is all this script needs.
type ContentApi = Pick<typeof chrome, 'runtime' | 'storage' | 'i18n'>;

export const extension: ContentApi =
  (globalThis as { browser?: ContentApi }).browser ?? globalThis.chrome;
