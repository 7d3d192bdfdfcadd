// Drives the replay server from test files over its control endpoints (it runs in the
// global-setup process, not in the test worker).
import type { LoggedRequest, RestFault, SocketFault } from '../replay/server';

/**
 * fetch, once more when the server closed the kept-alive socket just as it was reused (a race
 * of the two idle timers that a loaded machine makes likely). Control calls are idempotent.
 */
async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}

export function replayControl(origin: string) {
  async function post(path: string, body: unknown) {
    const response = await fetchOnce(`${origin}/__replay/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`replay control ${path}: HTTP ${response.status}`);
  }
  return {
    setScenario: (name: string, speed = 1) => post('scenario', { name, speed }),
    setRestFault: (venue: string, path: string, fault: RestFault | null) =>
      post('fault', { venue, path, fault }),
    setSocketFault: (venue: string, path: string, fault: SocketFault | null) =>
      post('socket-fault', { venue, path, fault }),
    reset: () => post('reset', {}),
    async requests(): Promise<LoggedRequest[]> {
      return (await fetchOnce(`${origin}/__replay/requests`)).json() as Promise<LoggedRequest[]>;
    },
  };
}
