import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANE_SETTINGS } from './lane-types';
import { change, fakeEnvironment, recordingListener, type RecordingListener } from './lane-test-kit';
import { createWebSocketLane } from './websocket-lane';

type Fn = (...args: never[]) => void;

class Emitter {
  private readonly handlers = new Map<string, Fn[]>();
  on(type: string, fn: Fn): this {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
    return this;
  }
  off(): this {
    this.handlers.clear();
    return this;
  }
  fire(type: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(type) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }
}

class FakeSocket extends Emitter {
  readonly io = Object.assign(new Emitter(), { engine: new Emitter() });
  active = false;
  connects = 0;
  subscribes: { after: number; ack: (err: Error | null, ack?: unknown) => void }[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  connect(): this {
    this.active = true;
    this.connects += 1;
    return this;
  }
  disconnect(): this {
    this.active = false;
    return this;
  }
  timeout() {
    return { emit: (_event: string, payload: { after: number }, ack: never) => this.subscribes.push({ after: payload.after, ack }) };
  }
  /** What the Manager and the socket do on a successful (re)connection. */
  opened(): void {
    this.io.fire('open');
    this.fire('connect');
  }
}

let socket: FakeSocket;
let listener: RecordingListener;
const lane = () =>
  createWebSocketLane(
    fakeEnvironment({
      createSocket: (_namespace, options) => {
        socket = new FakeSocket(options);
        return socket as unknown as Socket;
      },
    }),
    listener,
    DEFAULT_LANE_SETTINGS,
  );

beforeEach(() => {
  vi.useFakeTimers();
  listener = recordingListener();
});
afterEach(() => vi.useRealTimers());

describe('WebSocket lane', () => {
  it('subscribes after the newest seq on every connect and counts engine packets as frames', () => {
    const l = lane();
    l.start(7);
    expect(socket.options).toMatchObject({ transports: ['websocket'], forceNew: true });
    socket.opened();
    expect(socket.subscribes.map((s) => s.after)).toEqual([7]);
    const packet = `2/live,${JSON.stringify(['change', change(8)])}`;
    socket.io.engine.fire('packet', { type: 'message', data: packet });
    socket.io.engine.fire('packet', { type: 'ping' });
    socket.fire('change', change(8));
    socket.fire('change', change(8));
    expect(listener.seqs()).toEqual([8, 8]);
    expect(listener.reports.filter((r) => r.type === 'traffic')).toEqual([
      { type: 'traffic', unit: 'frame', bytes: 1 + packet.length, empty: false },
      { type: 'traffic', unit: 'frame', bytes: 1, empty: true },
    ]);
    socket.fire('disconnect', 'transport close'); // Socket.IO reconnects by itself: active stays true
    socket.opened();
    expect(socket.subscribes.map((s) => s.after)).toEqual([7, 8]);
    expect(listener.count('reconnect')).toBe(1);
    socket.subscribes[1]!.ack(null, { ok: false, error: { code: 'validation_failed', message: 'payload.after bad' } });
    expect(listener.reports).toContainEqual({ type: 'error', message: 'payload.after bad' });
    l.stop();
  });

  it('connects again by itself when Socket.IO will not (a refused handshake)', async () => {
    const l = lane();
    l.start(0);
    socket.active = false;
    socket.fire('connect_error', new Error('unauthenticated'));
    expect(listener.states().at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(250);
    expect(socket.connects).toBe(2);
    l.stop();
  });

  it('disconnects offline, resubscribes after the newest seq back online, and hears nothing after stop', () => {
    const l = lane();
    l.start(0);
    socket.opened();
    socket.fire('change', change(1));
    l.setOffline(true);
    expect(socket.active).toBe(false);
    expect(listener.states().at(-1)).toBe('offline');
    l.setOffline(false);
    socket.opened();
    expect(socket.subscribes.map((s) => s.after)).toEqual([0, 1]);
    expect(listener.count('reconnect')).toBe(1);
    const engine = socket.io.engine;
    l.stop();
    const reported = listener.reports.length;
    engine.fire('packet', { type: 'ping' });
    expect(listener.reports.length).toBe(reported);
    expect(listener.states().at(-1)).toBe('stopped');
  });
});
