import type { FundingSettlement } from '../core/coin-history';
import type {
  Instrument,
  Liquidation,
  LiquidationBucket,
  MarketRow,
  OiPoint,
} from '../core/market';
import type { VenueId } from '../messages';
import type { VenueClient, VenueHosts } from './client';

/** The venue's documented per-IP REST limit, for politeness accounting. */
export interface RateLimit {
  /** Requests (or weight units) allowed per window. */
  budget: number;
  windowMs: number;
  unit: 'requests' | 'weight';
  /** What the figure comes from, for the bench table. */
  source: string;
}

export interface TimeRange {
  from: number;
  to: number;
}

/** A text frame, or how to build it at send time for venues that stamp requests (Gate). */
export type Frame = string | ((now: number) => string);

/** One WebSocket connection a liquidation feed needs: where, and what to send once open. */
export interface SocketPlan {
  /** Path under the venue's WebSocket host, e.g. `/market/ws/!forceOrder@arr`. */
  path: string;
  /** Text frames to send on every open (subscriptions). */
  subscribe: Frame[];
}

export interface LiquidationFeed {
  /** The connections needed to hear every listed market, within the venue's per-connection limits. */
  connections(instruments: readonly Instrument[]): SocketPlan[];
  /** What to send to keep a connection open, and how often; null where the server pings. */
  heartbeat: { intervalMs: number; frame: Frame } | null;
  /**
   * Reads one text frame. Returns the liquidations in it ([] for acks, pongs and markets we do not
   * track); throws VenueError (kind 'malformed' or 'schema') for a frame it cannot read.
   */
  parse(text: string, bySymbol: ReadonlyMap<string, Instrument>): Liquidation[];
}

/** What every venue file offers the background. Nothing outside src/venues sees field names. */
export interface Venue {
  id: VenueId;
  hosts: VenueHosts;
  rateLimit: RateLimit;
  /**
   * False where the venue's documentation leaves open whether its open interest counts one side
   * or both; the UI says so next to the figure.
   */
  oiOneSidedVerified: boolean;
  /** The tradable perpetual markets, from the venue's instrument metadata. */
  fetchInstruments(client: VenueClient): Promise<Instrument[]>;
  /**
   * One poll for every market: price, open interest, funding. `previous` is the last good
   * snapshot's rows, for venues that refresh some figures over several polls.
   */
  fetchSnapshot(
    client: VenueClient,
    instruments: readonly Instrument[],
    context: { now: number; previous: readonly MarketRow[] },
  ): Promise<MarketRow[]>;
  /** Requests (in the rate limit's unit) one snapshot poll costs, for the politeness budget. */
  snapshotCost(instruments: readonly Instrument[]): number;
  /** What one request to `path` costs in the rate limit's unit; 1 when absent. */
  requestCost?(path: string): number;
  /** Hourly open interest of one market over the range (at most 30 days); absent where not served. */
  fetchOiHistory?(
    client: VenueClient,
    instrument: Instrument,
    range: TimeRange,
  ): Promise<OiPoint[]>;
  /** Long/short liquidation totals per bucket over the range, where the venue publishes them. */
  fetchLiquidationHistory?(
    client: VenueClient,
    instrument: Instrument,
    range: TimeRange,
  ): Promise<LiquidationBucket[]>;
  /**
   * Settled funding of one market over the range, oldest first, as 8-hour rates; absent where the
   * venue serves no funding history.
   */
  fetchFundingHistory?(
    client: VenueClient,
    instrument: Instrument,
    range: TimeRange,
  ): Promise<FundingSettlement[]>;
  /** Circulating supply of the market's coin, where the venue reports it (Binance). */
  fetchCirculatingSupply?(client: VenueClient, instrument: Instrument): Promise<number | null>;
  /** The venue's public liquidation stream; absent where there is none (Hyperliquid). */
  liquidations?: LiquidationFeed;
}
