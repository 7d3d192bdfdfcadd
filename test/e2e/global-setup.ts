// One replay server and one test build for the whole e2e run: the build has the server's origin
// compiled in (DESIGN.md: LL_VENUE_ORIGIN), so both must exist before any browser starts.
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startReplayServer } from '../replay/server';
import { buildExtension } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    replayOrigin: string;
    extensionDir: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startReplayServer({ scenario: 'calm' });
  const extensionDir = join(process.cwd(), '.build', 'e2e-extension');
  buildExtension(extensionDir, server.origin);
  project.provide('replayOrigin', server.origin);
  project.provide('extensionDir', extensionDir);
  return () => server.close();
}
