// Real socket.io-client instances on the /live namespace, signed in by cookie, that collect the `change` events
// they receive and can subscribe from a seq.
import { io as connect, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type ChangesSubscribeResult, type LiveAck } from '../contract/lab.js';
import type { OrderChange } from '../contract/orders.js';

export interface LiveClient {
  socket: Socket;
  changes: OrderChange[];
  /** The greatest seq received so far (or the `after` of the first subscription). */
  lastSeq: number;
  subscribe(after: unknown): Promise<LiveAck<ChangesSubscribeResult>>;
  /** Resolves once `check` holds (polled), rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
}

export interface LiveClientOptions {
  origin?: string;
  reconnection?: boolean;
  /** After every reconnect, subscribe again from the greatest seq received (as the real client does). */
  resubscribe?: boolean;
}

export function liveClient(url: string, cookie: string, options: LiveClientOptions = {}): LiveClient {
  const headers: Record<string, string> = { cookie };
  if (options.origin) headers.origin = options.origin;
  const socket = connect(`${url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    extraHeaders: headers,
    forceNew: true,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const client: LiveClient = {
    socket,
    changes: [],
    lastSeq: 0,
    async subscribe(after) {
      if (typeof after === 'object' && after && 'after' in after && typeof after.after === 'number') client.lastSeq = after.after;
      return (await socket.timeout(5000).emitWithAck('changes:subscribe', after)) as LiveAck<ChangesSubscribeResult>;
    },
    async until(check, timeoutMs = 8000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out; ${client.changes.length} changes received`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
  socket.on('change', (change: OrderChange) => {
    client.changes.push(change);
    client.lastSeq = change.seq;
  });
  if (options.resubscribe) {
    socket.io.on('reconnect', () => {
      void client.subscribe({ after: client.lastSeq });
    });
  }
  return client;
}

export function liveConnected(client: LiveClient): Promise<void> {
  if (client.socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', reject);
  });
}
