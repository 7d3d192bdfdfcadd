import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './App';
import { readCache } from './cache';

// Screen readers and fonts follow the page's language, which is the one t() speaks.
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
// The saved figures are part of the first render: drawn before the background is even asked.
if (root) render(<App cached={readCache()} />, root);
