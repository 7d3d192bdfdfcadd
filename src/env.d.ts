/// <reference types="@crxjs/vite-plugin/client" />
/** The replay server's origin in test builds (see LL_VENUE_ORIGIN in DESIGN.md); '' in releases. */
declare const __LL_VENUE_ORIGIN__: string;

/** A stylesheet as text (Vite's `?inline`): for shadow roots, which page styles cannot reach. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
