// Every user-facing string goes through _locales (English and Simplified Chinese), so the
// browser picks the user's language. Keys are typed from the English file at compile time only.
import browser from 'webextension-polyfill';

import type { MessageKey } from './core/english';

export type { MessageKey };

/** The string for `key` in the browser's language; `$1`… placeholders filled in order. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(
    key,
    substitutions.map((value) => String(value)),
  );
  // A missing key shows itself rather than an empty gap; a convention test keeps both files whole.
  return text || key;
}
