import { defineConfig } from 'vitest/config';

// Three layers (DESIGN.md): unit and integration run in Node; e2e drives real Chromium and
// shares one replay server and one test build, so its files run one after another. The firefox
// project does the same with Debian's Firefox ESR and the Firefox build; browser files of both
// projects run one at a time, after the Node ones.
export default defineConfig({
  define: { __LL_VENUE_ORIGIN__: JSON.stringify('') },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.test.ts'],
          globalSetup: ['test/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
