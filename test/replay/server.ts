// The local replay server: speaks the venues' REST and WebSocket protocols under the
// LL_VENUE_ORIGIN prefixes of DESIGN.md, serves our test pages, and misbehaves on demand.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type WebSocket, WebSocketServer } from 'ws';
import { loadScenario, type Scenario, scenarioAt } from './scenario';
import type { ReplayVenue, SocketRoute, SocketSession } from './venue';
import { loadReplayVenues } from './venues/index';

export interface RestFault {
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  body?: 'malformed' | 'drift';
  /** How many requests the fault applies to; all of them when absent. */
  times?: number;
}

export interface SocketFault {
  /** Refuse the upgrade with HTTP 503. */
  refuse?: boolean;
  /** Close the socket abruptly after sending this many frames. */
  dropAfter?: number;
  /** Send this many liquidation frames at once, right after the first subscription. */
  burst?: number;
}

export interface LoggedRequest {
  venue: string;
  path: string;
  query: string;
  at: number;
  status: number;
}

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface ReplayServerOptions {
  port?: number;
  scenario?: string | Scenario;
}

export async function startReplayServer(options: ReplayServerOptions = {}) {
  const venues = new Map<string, ReplayVenue>(
    (await loadReplayVenues()).map((venue) => [venue.id, venue]),
  );
  let scenario = resolveScenario(options.scenario ?? 'calm');
  let scenarioStartedAt = Date.now();
  /** How many scenario seconds pass per real second: tests play a day's cascade in seconds. */
  let speed = 1;
  /** The scenario as it stands now: its timeline moves the market while it plays. */
  const current = () => scenarioAt(scenario, ((Date.now() - scenarioStartedAt) / 1000) * speed);
  let scenarioTimers: NodeJS.Timeout[] = [];
  const restFaults = new Map<string, RestFault>();
  const socketFaults = new Map<string, SocketFault>();
  const requests: LoggedRequest[] = [];
  const sessions = new Set<SocketSession & { route: SocketRoute; venue: string }>();

  function resolveScenario(input: string | Scenario): Scenario {
    return typeof input === 'string' ? loadScenario(input) : input;
  }

  function scheduleLiquidations() {
    scenarioStartedAt = Date.now();
    for (const timer of scenarioTimers) clearTimeout(timer);
    scenarioTimers = scenario.liquidations.map((liquidation) =>
      setTimeout(
        () => {
          for (const session of sessions) {
            if (session.venue === liquidation.venue)
              session.route.pushLiquidation(session, liquidation);
          }
        },
        (liquidation.atSeconds * 1000) / speed,
      ),
    );
  }

  function send(
    response: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  }

  async function servePage(pathname: string, response: ServerResponse) {
    const relative = normalize(pathname.slice('/pages/'.length) || 'index.html');
    if (relative.startsWith('..')) return send(response, 403, '{"error":"forbidden"}');
    try {
      const file = await readFile(`${PAGES_DIR}${relative}`);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(relative)] ?? 'application/octet-stream',
      });
      response.end(file);
    } catch {
      send(response, 404, '{"error":"no such page"}');
    }
  }

  /** Control endpoints, for processes that do not hold this object (the demo, a shell). */
  async function control(request: IncomingMessage, response: ServerResponse, pathname: string) {
    if (pathname === '/__replay/requests') return send(response, 200, JSON.stringify(requests));
    const body = ((await readJson(request)) ?? {}) as {
      name?: string;
      speed?: number;
      venue?: string;
      path?: string;
      fault?: RestFault & SocketFault;
    };
    if (pathname === '/__replay/scenario') api.setScenario(body.name ?? 'calm', body.speed);
    else if (pathname === '/__replay/fault')
      api.setRestFault(body.venue ?? '', body.path ?? '', body.fault ?? null);
    else if (pathname === '/__replay/socket-fault')
      api.setSocketFault(body.venue ?? '', body.path ?? '', body.fault ?? null);
    else if (pathname === '/__replay/reset') api.reset();
    else return send(response, 404, '{"error":"unknown control"}');
    send(response, 200, '{"ok":true}');
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://replay');
    if (url.pathname.startsWith('/pages/') || url.pathname === '/pages')
      return servePage(url.pathname, response);
    if (url.pathname.startsWith('/__replay/')) return control(request, response, url.pathname);
    const [, venueId = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const route = venues.get(venueId)?.rest[path];
    const log = (status: number) =>
      requests.push({ venue: venueId, path, query: url.search, at: Date.now(), status });
    if (!route) {
      log(404);
      return send(response, 404, JSON.stringify({ error: `no route ${url.pathname}` }));
    }
    const fault = takeFault(restFaults, `${venueId}${path}`);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const down = scenario.venuesDown[venueId as keyof Scenario['venuesDown']];
    const status = fault?.status ?? down;
    if (status) {
      log(status);
      const headers: Record<string, string> =
        fault?.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      return send(response, status, JSON.stringify({ error: `injected ${status}` }), headers);
    }
    log(200);
    if (fault?.body === 'malformed') {
      return send(response, 200, '{"retCode":0,"result":{"list":[{"symbol":"BTC');
    }
    const body = route.answer(
      {
        method: request.method ?? 'GET',
        query: url.searchParams,
        body: await readJson(request),
        now: Date.now(),
      },
      current(),
    );
    send(
      response,
      200,
      JSON.stringify(fault?.body === 'drift' ? route.drift(structuredClone(body)) : body),
    );
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      send(response, 500, JSON.stringify({ error: error.message })),
    );
  });
  const sockets = new WebSocketServer({ noServer: true });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://replay');
    const [, venueId = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const route = venues.get(venueId)?.sockets[path];
    const fault = socketFaults.get(`${venueId}${path}`);
    if (!route || fault?.refuse) {
      socket.end(
        `HTTP/1.1 ${route ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachSession(ws, venueId, route, fault));
  });

  function attachSession(
    ws: WebSocket,
    venue: string,
    route: SocketRoute,
    fault: SocketFault | undefined,
  ) {
    let sent = 0;
    let bursted = false;
    const session = {
      socket: ws,
      venue,
      route,
      scenario: current,
      send(frame: unknown) {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        sent += 1;
        if (fault?.dropAfter !== undefined && sent >= fault.dropAfter) ws.terminate();
      },
    };
    sessions.add(session);
    ws.on('message', (data) => {
      route.onMessage(session, data.toString());
      if (fault?.burst && !bursted) {
        bursted = true;
        for (let i = 0; i < fault.burst; i++) session.send(route.burstFrame(i, current()));
      }
    });
    ws.on('close', () => sessions.delete(session));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  scheduleLiquidations();

  const api = {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    get scenario() {
      return scenario;
    },
    /** Plays a scenario from now, `playSpeed` times faster than written. */
    setScenario(input: string | Scenario, playSpeed = 1) {
      scenario = resolveScenario(input);
      speed = playSpeed > 0 ? playSpeed : 1;
      scheduleLiquidations();
    },
    setRestFault(venue: string, path: string, fault: RestFault | null) {
      if (fault) restFaults.set(`${venue}${path}`, { ...fault });
      else restFaults.delete(`${venue}${path}`);
    },
    setSocketFault(venue: string, path: string, fault: SocketFault | null) {
      if (fault) socketFaults.set(`${venue}${path}`, fault);
      else socketFaults.delete(`${venue}${path}`);
    },
    /** Drops every open socket, as a venue restarting its gateway would. */
    dropSockets() {
      for (const session of sessions) session.socket.terminate();
    },
    reset() {
      restFaults.clear();
      socketFaults.clear();
      requests.length = 0;
    },
    async close() {
      for (const timer of scenarioTimers) clearTimeout(timer);
      for (const session of sessions) session.socket.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}
export type ReplayServer = Awaited<ReturnType<typeof startReplayServer>>;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function takeFault(faults: Map<string, RestFault>, key: string): RestFault | undefined {
  const fault = faults.get(key);
  if (!fault) return undefined;
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) faults.delete(key);
  }
  return fault;
}
