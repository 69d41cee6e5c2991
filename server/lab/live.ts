// The /live namespace: the order change feed over Socket.IO. A socket subscribes with the greatest seq it has and
// gets every change after it as a `change` event, replay first, then live; after a reconnect (a new socket) the
// client subscribes again. Socket.IO itself keeps nothing for a disconnected client, so the change log is the
// buffer, and each socket follows it with its own pull loop (change-follower.ts). Between pages the loop waits
// while the engine holds too many unsent packets for the socket, instead of queueing without bound.
import { Compile } from 'typebox/compile';
import type { FastifyBaseLogger } from 'fastify';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  ChangesSubscribePayload,
  type ChangesSubscribeResult,
  type LiveAck,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
} from '../contract/lab.js';
import type { OrdersService } from '../orders/orders-service.js';
import type { SocketData } from '../plugins/socket-io.js';
import { createChangeFollower } from './change-follower.js';
import type { DropRegistry } from './drop-registry.js';
import type { FollowerHub } from './follower-hub.js';
import type { LabMetrics } from './lab-metrics.js';

export type LiveNamespace = Namespace<LiveClientToServerEvents, LiveServerToClientEvents, DefaultEventsMap, SocketData>;
type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents, DefaultEventsMap, SocketData>;

/** More packets than this waiting in the engine for one socket pauses its pull loop until they are flushed. */
const MAX_QUEUED_PACKETS = 500;
/** A socket that does not flush within this long is cut; the client resumes from its last seq. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface LiveDeps {
  orders: Pick<OrdersService, 'head' | 'changes'>;
  hub: FollowerHub;
  drops: DropRegistry;
  metrics: LabMetrics;
  log: FastifyBaseLogger;
}

const checkSubscribe = Compile(ChangesSubscribePayload);

function subscribeProblem(payload: unknown): string {
  const [issue] = checkSubscribe.Errors(payload);
  if (!issue) return 'The changes:subscribe payload is not valid.';
  const where = issue.instancePath ? `payload${issue.instancePath.replaceAll('/', '.')}` : 'payload';
  return `${where} ${issue.message}`;
}

/**
 * Packets the engine holds for the socket because its transport has not finished writing the previous ones. Engine.IO
 * exposes no public measure of this; `writeBuffer` has been its queue since 1.x and is read, never written.
 */
function queued(conn: LiveSocket['conn']): number {
  return (conn as unknown as { writeBuffer: readonly unknown[] }).writeBuffer.length;
}

/** Resolves true once the engine has flushed the socket's queue (or it is short already), false if it closed. */
function flushed(socket: LiveSocket): Promise<boolean> {
  const conn = socket.conn;
  if (!socket.connected) return Promise.resolve(false);
  if (queued(conn) <= MAX_QUEUED_PACKETS) {
    // Yield anyway, so a long replay to one socket does not hold the loop from every other client.
    return new Promise((resolve) => setImmediate(() => resolve(socket.connected)));
  }
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      conn.off('drain', onDrain);
      conn.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => {
      done(false);
      conn.close();
    }, DRAIN_TIMEOUT_MS);
    conn.on('drain', onDrain);
    conn.on('close', onClose);
  });
}

export function attachLive(nsp: LiveNamespace, deps: LiveDeps): void {
  nsp.on('connection', (socket: LiveSocket) => {
    const follower = createChangeFollower({
      orders: deps.orders,
      send(change) {
        if (!socket.connected) return false;
        socket.emit('change', change);
        deps.metrics.delivered('websocket', 1);
        return true;
      },
      ready: () => flushed(socket),
      isClosed: () => !socket.connected,
      onError(error) {
        deps.log.warn({ err: error }, 'live change delivery failed');
        socket.conn.close();
      },
    });
    // Registered on connect, before any subscription can read: a change committed from here on wakes the socket.
    // The session's sockets are ended by the socket-io plugin on sign-out, for every namespace.
    const leaveHub = deps.hub.add({ sessionId: socket.data.sessionId, wake: () => follower.wake(), endSession: () => undefined });
    // A real network drop: the transport goes, the client sees "transport close" and reconnects on its own.
    const untrack = deps.drops.track('socket', () => socket.conn.close());
    socket.once('disconnect', () => {
      leaveHub();
      untrack();
    });

    // The payload is untrusted: checked against the contract before use; the ack may be missing or not a function.
    (socket as unknown as Socket).on('changes:subscribe', (...args: unknown[]) => {
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (response: LiveAck<ChangesSubscribeResult>) => void) : undefined;
      const payload = args.length > 0 && typeof args[0] !== 'function' ? args[0] : undefined;
      if (!checkSubscribe.Check(payload)) {
        ack?.({ ok: false, error: { code: 'validation_failed', message: subscribeProblem(payload) } });
        return;
      }
      // The ack goes out before the first change, so the client knows the head the replay runs up to.
      follower.start((payload as ChangesSubscribePayload).after, (_position, head) => ack?.({ ok: true, data: { head } }));
    });
  });
}
