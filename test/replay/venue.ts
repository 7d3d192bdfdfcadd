// What one venue module of the replay server provides. Adding a venue is adding one such file
// under test/replay/venues/ and listing it in test/replay/venues/index.ts.
import type { WebSocket } from 'ws';
import type { ReplayVenueId, Scenario, ScenarioLiquidation } from './scenario';

export interface ReplayRequest {
  method: string;
  query: URLSearchParams;
  /** The parsed JSON body of a POST (Hyperliquid's /info), or undefined. */
  body: unknown;
  /** The server's clock, ms: "now" for the scenario's relative times. */
  now: number;
}

export interface RestRoute {
  /** The body the venue would send for this request and scenario. */
  answer(request: ReplayRequest, scenario: Scenario): unknown;
  /** The same body after a plausible schema change (renamed or retyped fields). */
  drift(body: unknown): unknown;
}

export interface SocketSession {
  socket: WebSocket;
  /** Sends one frame (objects as JSON, strings as they are); counts toward drop-after faults. */
  send(frame: unknown): void;
  scenario(): Scenario;
}

export interface SocketRoute {
  /** Handles one text frame from the client (subscribe, ping, …). */
  onMessage(session: SocketSession, text: string): void;
  /** Pushes one scripted liquidation to this session if it subscribed to it. */
  pushLiquidation(session: SocketSession, liquidation: ScenarioLiquidation): void;
  /** A synthetic liquidation for burst faults, of the venue's own shape. */
  burstFrame(index: number, scenario: Scenario): unknown;
}

export interface ReplayVenue {
  id: ReplayVenueId;
  rest: Record<string, RestRoute>;
  sockets: Record<string, SocketRoute>;
}
