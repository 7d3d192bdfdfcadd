// What one venue module of the replay server provides. Adding a venue is adding one such file
// under test/replay/venues/ and listing it in test/replay/venues/index.ts.
import type { WebSocket } from 'ws';
import type { Scenario, ScenarioLiquidation } from './scenario';

export interface RestRoute {
  /** The body the venue would send for this request and scenario. */
  answer(query: URLSearchParams, scenario: Scenario): unknown;
  /** The same body after a plausible schema change (renamed or retyped fields). */
  drift(body: unknown): unknown;
}

export interface SocketSession {
  socket: WebSocket;
  /** Sends one frame; counts toward the socket's drop-after fault. */
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
  id: string;
  rest: Record<string, RestRoute>;
  sockets: Record<string, SocketRoute>;
}
