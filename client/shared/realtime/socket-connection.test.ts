import { describe, expect, it, vi } from 'vitest';
import { createSocketConnection, type AppSocket } from './socket-connection';

/** Just enough of a Socket.IO client socket to drive the status machine. */
class FakeSocket {
  active = false;
  connected = false;
  handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, handler: (...args: unknown[]) => void) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }
  off(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  connect = vi.fn(() => {
    this.active = true;
  });
  disconnect = vi.fn(() => {
    const wasConnected = this.connected;
    this.active = false;
    this.connected = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
  });
  connectOk() {
    this.connected = true;
    this.fire('connect');
  }
}

function setup() {
  const fake = new FakeSocket();
  const connection = createSocketConnection(() => fake as unknown as AppSocket);
  return { fake, connection };
}

describe('socket connection', () => {
  it('hangs up for a sign-out only when open, and the answer reconnects it', () => {
    const { fake, connection } = setup();
    expect(connection.hangUp()).toBeUndefined();
    expect(fake.disconnect).not.toHaveBeenCalled();

    connection.connect();
    fake.connectOk();
    const hungUp = connection.hangUp();
    expect(fake.disconnect).toHaveBeenCalledTimes(1);
    expect(connection.getStatus().state).toBe('idle');
    hungUp?.reopen();
    expect(fake.connect).toHaveBeenCalledTimes(2);
    expect(connection.getStatus().state).toBe('connecting');
  });

  it('is idle until asked to connect, then connects once', () => {
    const { fake, connection } = setup();
    expect(connection.getStatus().state).toBe('idle');
    connection.connect();
    connection.connect();
    expect(fake.connect).toHaveBeenCalledTimes(1);
    expect(connection.getStatus().state).toBe('connecting');
    fake.connectOk();
    expect(connection.getStatus().state).toBe('connected');
  });

  it('reports reconnecting after an unexpected drop and offline while the server is unreachable', () => {
    const { fake, connection } = setup();
    connection.connect();
    fake.connectOk();
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    expect(connection.getStatus().state).toBe('reconnecting');
    fake.fire('connect_error', new Error('xhr poll error'));
    expect(connection.getStatus().state).toBe('offline');
  });

  it('reports a refused handshake with the server reason', () => {
    const { fake, connection } = setup();
    connection.connect();
    fake.active = false;
    fake.fire('connect_error', Object.assign(new Error('Sign-in required'), { data: { code: 'unauthenticated' } }));
    expect(connection.getStatus()).toEqual({ state: 'refused', reason: 'unauthenticated' });
  });

  it('returns to idle on close and notifies subscribers only on change', () => {
    const { fake, connection } = setup();
    const listener = vi.fn();
    const unsubscribe = connection.subscribe(listener);
    connection.connect();
    fake.connectOk();
    const snapshot = connection.getStatus();
    fake.fire('connect');
    expect(connection.getStatus()).toBe(snapshot);
    connection.close();
    expect(connection.getStatus().state).toBe('idle');
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    connection.connect();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('removes only the handler it added', () => {
    const { fake, connection } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = connection.on('session:ended', first);
    connection.on('session:ended', second);
    offFirst();
    fake.fire('session:ended', { reason: 'expired' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ reason: 'expired' });
  });
});
