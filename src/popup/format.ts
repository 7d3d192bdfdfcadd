// Numbers and lists in the browser's language (the same language t() speaks).
import browser from 'webextension-polyfill';
import { numberFormats } from '../core/locale-format';

const language = browser.i18n.getUILanguage();

export const fmt = numberFormats(language);

const conjunction = new Intl.ListFormat(language, { type: 'conjunction' });

/** "a, b, and c" in English, "a、b和c" in Chinese. */
export const listOf = (items: readonly string[]) => conjunction.format(items);
