// Numbers in the browser's language (the same language t() speaks).
import browser from 'webextension-polyfill';
import { numberFormats } from '../core/format';

export const fmt = numberFormats(browser.i18n.getUILanguage());
