import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type ReplayServer, startReplayServer } from '../replay/server';

/**
 * One replay server per test file, reset to `scenario` with no faults before each test. Returns
 * a getter, since the server exists only once beforeAll has run.
 */
export function useReplayServer(scenario = 'calm'): () => ReplayServer {
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    server = await startReplayServer({ scenario });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server?.reset();
    server?.setScenario(scenario);
  });
  return () => {
    if (!server) throw new Error('the replay server is not running yet');
    return server;
  };
}
