import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App';
import { readCache } from './cache';

// Asked before the first render, so the saved figures are drawn as early as they can be.
const cached = readCache().catch(() => null);
// Screen readers and fonts follow the page's language, which is the one t() speaks.
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<App cached={cached} />, root);
