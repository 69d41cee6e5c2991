// A lane is one independent client of the order change feed over one transport. Lanes are plain TypeScript
// with their network primitives injected, so the same code runs in the page and in the headless runner
// (`npm run lab`, under Node): nothing here may touch the DOM, React or Node-only modules.
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { DeliveryTransport } from '../../../../server/contract/lab';
import type { OrderChange } from '../../../../server/contract/orders';

export type LaneKind = DeliveryTransport;

export type LaneState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'stopped';

/** What a lane needs of a change: its place in the feed and its commit time on the server clock. */
export type LaneChange = Pick<OrderChange, 'seq' | 'at'>;

/** The part of the WHATWG EventSource a lane uses: the browser's own, or the `eventsource` package in Node. */
export interface EventSourceLike {
  readonly readyState: number;
  // `never`: the page's and the package's handlers take different event types; a lane reads the event only as unknown.
  onopen: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  addEventListener(type: string, listener: (event: { data: string; lastEventId: string }) => void): void;
  close(): void;
}

export interface LaneEnvironment {
  /** '' in the page (same origin); `http://127.0.0.1:3000` in Node. */
  baseUrl: string;
  fetch: typeof fetch;
  createEventSource(url: string): EventSourceLike;
  /** socket.io-client's `io`, bound to the server and the session (cookie header in Node, credentials in the page). */
  createSocket(namespace: string, options: Partial<ManagerOptions & SocketOptions>): Socket;
  /** The local wall clock, ms since the epoch. */
  now(): number;
}

/** Everything a lane reports. The recorder turns it into figures; the lane itself keeps no statistics. */
export interface LaneListener {
  /** One change as it arrives, in arrival order; `receivedAt` is on the local clock. */
  change(change: LaneChange, receivedAt: number): void;
  /**
   * Traffic, counted as each lane states in `bytesCounted`: one HTTP answer (`request`) or one received
   * WebSocket frame (`frame`), `empty` when it carried no change.
   */
  traffic(unit: 'request' | 'frame', bytes: number, empty: boolean): void;
  state(state: LaneState): void;
  /** A connection was lost and a new one opened (not the first connection, not a deliberate stop). */
  reconnect(): void;
  /** Something went wrong that the lane recovers from by itself; shown, not thrown. */
  error(message: string): void;
}

export interface LaneSettings {
  /** Short polling: time between the end of one answer and the next request. */
  pollIntervalMs: number;
  /** Long polling: how long the server may hold a request (the `wait` parameter). */
  longPollWaitS: number;
}

export interface Lane {
  readonly kind: LaneKind;
  /** How this lane counts bytes, in a sentence for the page and the results. */
  readonly bytesCounted: string;
  /** Starts receiving every change after `after` (the head when the run began). */
  start(after: number): void;
  /** Ends every connection and timer; no callback fires afterwards. */
  stop(): void;
  /** Offline: drop the connection and make no requests; back online: resume after the last seq received. */
  setOffline(offline: boolean): void;
  /** Settings apply from the next request (polling) and are ignored by push lanes. */
  configure(settings: Partial<LaneSettings>): void;
}

export type CreateLane = (env: LaneEnvironment, listener: LaneListener, settings: LaneSettings) => Lane;

export const LANE_LABELS: Record<LaneKind, string> = {
  poll: 'Short polling',
  long_poll: 'Long polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket (Socket.IO)',
};

export const DEFAULT_LANE_SETTINGS: LaneSettings = { pollIntervalMs: 1000, longPollWaitS: 25 };

export const POLL_INTERVALS_MS = [250, 500, 1000, 2000, 5000, 10_000, 30_000] as const;
export const LONG_POLL_WAITS_S = [5, 10, 25, 30] as const;
