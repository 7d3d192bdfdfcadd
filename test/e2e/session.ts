// A test file's browser with the extension, on a scenario of the replay server, closed by the
// file's own hooks. Kept apart from harness.ts, which scripts and benches import outside vitest:
// this file registers vitest hooks, and only when a test file calls it.
import { afterAll, afterEach, inject } from 'vitest';
import { type ExtensionSession, type LaunchOptions, launchWithExtension } from './harness';
import { replayControl } from './replay-control';

export type SessionLaunchOptions = Partial<LaunchOptions> & {
  /** Scenario seconds per real second (the replay server's default when left out). */
  speed?: number;
};

export interface ExtensionSessionSlot {
  /**
   * Resets the replay server, sets `scenario` and opens a fresh browser on it, closing the one
   * still open first.
   */
  launch(scenario: string, options?: SessionLaunchOptions): Promise<ExtensionSession>;
  /**
   * A browser restart: closes the open browser, keeping its profile, and opens it again with the
   * same options. The replay server plays on untouched.
   */
  restart(): Promise<ExtensionSession>;
  /** The open browser; throws when none is. */
  readonly current: ExtensionSession;
}

/** A test file's browser: closed after each test (per: 'test') or after the file (per: 'file'). */
export function useExtensionSession(per: 'test' | 'file'): ExtensionSessionSlot {
  const replay = replayControl(inject('replayOrigin'));
  let open: ExtensionSession | undefined;
  let lastOptions: Partial<LaunchOptions> = {};

  const closeOpen = async () => {
    await open?.close();
  };
  (per === 'test' ? afterEach : afterAll)(closeOpen);

  const current = () => {
    if (!open) throw new Error('no browser is open: launch() one first');
    return open;
  };

  /** Opens the browser, and forgets it once closed, whoever closes it. */
  async function start(options: Partial<LaunchOptions>): Promise<ExtensionSession> {
    lastOptions = options;
    const launched = await launchWithExtension({
      extensionDir: inject('extensionDir'),
      ...options,
    });
    const session: ExtensionSession = {
      ...launched,
      async close(closeOptions) {
        if (open === session) open = undefined;
        await launched.close(closeOptions);
      },
    };
    open = session;
    return session;
  }

  return {
    async launch(scenario, { speed, ...options } = {}) {
      await closeOpen();
      await replay.reset();
      await replay.setScenario(scenario, speed);
      return start(options);
    },
    async restart() {
      const session = current();
      await session.close({ keepProfile: true });
      return start({ ...lastOptions, userDataDir: session.userDataDir });
    },
    get current() {
      return current();
    },
  };
}
