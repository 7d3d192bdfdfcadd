// The content script as registered at run time for the sites the user added (see
// src/background/site-registration.ts): the same script as the manifest's, under its own entry
// name, since the crxjs build mixes up two entries that are both called index.ts.
import './index';
