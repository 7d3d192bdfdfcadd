// Keeps each venue's liquidation WebSockets open: subscribes, sends the venue's heartbeat (which
// also keeps an MV3 worker alive), reconnects with exponential back-off and jitter, and tells the
// store when each connection was listening so that coverage is honest.
import type { Instrument } from '../core/market';
import { problemOf } from '../core/venue-status';
import type { StreamReason, VenueId } from '../messages';
import { VenueError } from '../venues/client';
import { frameAt } from '../venues/frames';
import type { SocketPlan, Venue } from '../venues/venue';
import type { LiquidationStore } from './liquidation-store';

const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 60_000;
/** A connection that stayed open this long was healthy: the next failure starts back-off afresh. */
const STABLE_AFTER_MS = 30_000;

export interface StreamStatus {
  venue: VenueId;
  connected: number;
  connections: number;
  /** The last problem: a refused connection, a frame we could not read. */
  reason: StreamReason | null;
  /** How many frames could not be read since start. */
  unreadableFrames: number;
}

/** The browser's WebSocket, or `ws` in Node tests. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type SocketFactory = (url: string) => SocketLike;

interface StreamOptions {
  venue: Venue;
  wsBase: string;
  store: Pick<LiquidationStore, 'ingest' | 'listening' | 'stopped'>;
  openSocket: SocketFactory;
  now?: () => number;
  random?: () => number;
}

const OPEN = 1;

function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  return String(data);
}

export function createVenueStreams({
  venue,
  wsBase,
  store,
  openSocket,
  now = Date.now,
  random = Math.random,
}: StreamOptions) {
  const feed = venue.liquidations;
  let bySymbol = new Map<string, Instrument>();
  let connections: Array<ReturnType<typeof connection>> = [];
  let reason: StreamReason | null = null;
  let unreadableFrames = 0;

  function connection(plan: SocketPlan, id: string) {
    let socket: SocketLike | null = null;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let reconnect: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let openedAt = 0;
    let stopped = false;

    const alive = () => store.listening(id, venue.id, now());

    function connect() {
      const current = openSocket(`${wsBase}${plan.path}`);
      socket = current;
      current.addEventListener('open', () => {
        openedAt = now();
        if (reason?.code !== 'frame') reason = null;
        for (const frame of plan.subscribe) current.send(frameAt(frame, now()));
        alive();
        if (feed?.heartbeat) {
          const { frame, intervalMs } = feed.heartbeat;
          heartbeat = setInterval(() => {
            if (current.readyState !== OPEN) return;
            current.send(frameAt(frame, now()));
            alive();
          }, intervalMs);
        }
      });
      current.addEventListener('message', ({ data }) => {
        try {
          store.ingest(feed?.parse(frameText(data), bySymbol) ?? []);
          alive();
        } catch (error) {
          if (!(error instanceof VenueError)) throw error;
          unreadableFrames += 1;
          reason = { code: 'frame', problem: problemOf(error.outcome) };
        }
      });
      // A failed or aborted connection reports an error and then closes: close handles both.
      current.addEventListener('error', () => {});
      current.addEventListener('close', () => {
        clearInterval(heartbeat);
        store.stopped(id);
        if (socket !== current || stopped) return;
        socket = null;
        if (openedAt > 0 && now() - openedAt >= STABLE_AFTER_MS) attempts = 0;
        reason = { code: openedAt > 0 ? 'connection-dropped' : 'connection-refused' };
        openedAt = 0;
        const delay =
          Math.min(RECONNECT_BASE_MS * 2 ** attempts, RECONNECT_MAX_MS) * (0.7 + 0.6 * random());
        attempts += 1;
        reconnect = setTimeout(connect, delay);
      });
    }

    return {
      start: connect,
      isOpen: () => socket?.readyState === OPEN,
      stop() {
        stopped = true;
        clearTimeout(reconnect);
        clearInterval(heartbeat);
        socket?.close();
        store.stopped(id);
      },
    };
  }

  return {
    /** (Re)starts the venue's connections for these markets; a no-op when they did not change. */
    update(instruments: readonly Instrument[]) {
      if (!feed) return;
      const next = new Map(instruments.map((instrument) => [instrument.symbol, instrument]));
      const unchanged =
        next.size === bySymbol.size && [...next.keys()].every((symbol) => bySymbol.has(symbol));
      bySymbol = next;
      if (unchanged && connections.length > 0) return;
      for (const old of connections) old.stop();
      connections = feed
        .connections(instruments)
        .map((plan, index) => connection(plan, `${venue.id}#${index}`));
      for (const started of connections) started.start();
    },
    stop() {
      for (const old of connections) old.stop();
      connections = [];
    },
    status(): StreamStatus {
      const connected = connections.filter((c) => c.isOpen()).length;
      return {
        venue: venue.id,
        connected,
        connections: connections.length,
        reason,
        unreadableFrames,
      };
    },
  };
}
export type VenueStreams = ReturnType<typeof createVenueStreams>;
