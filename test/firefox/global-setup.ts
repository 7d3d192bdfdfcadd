// One replay server and one Firefox test build for the Firefox tests: the build has the server's
// origin compiled in (DESIGN.md: LL_VENUE_ORIGIN), as the Chromium e2e build does.
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { buildExtension } from '../../build/extension';
import { startReplayServer } from '../replay/server';

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxReplayOrigin: string;
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startReplayServer({ scenario: 'calm' });
  const extensionDir = join(process.cwd(), '.build', 'firefox-extension');
  buildExtension(extensionDir, server.origin, 'firefox');
  project.provide('firefoxReplayOrigin', server.origin);
  project.provide('firefoxExtensionDir', extensionDir);
  return () => server.close();
}
