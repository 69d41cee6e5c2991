import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createInProcessBus } from '../bus/event-bus.js';
import { Heartbeats } from '../http/heartbeats.js';
import { createSseStream } from '../http/sse.js';
import { MemorySseSink } from '../test/memory-sse-sink.js';
import { createStreamHub } from './stream-hub.js';
import { createUserStream, type UserStream, type UserStreamDeps } from './user-stream.js';

function setUp(maxPerUser: number) {
  const bus = createInProcessBus();
  const notifications: UserStreamDeps['notifications'] = {
    newFor: async () => ({ notifications: [], unread: 0 }),
    lastId: async () => 0,
    unreadCount: async () => 0,
  };
  const hub = createStreamHub(bus, maxPerUser, notifications);
  const closed: string[] = [];
  // As the route wires it: a closing stream leaves the hub.
  const deps: UserStreamDeps = {
    notifications,
    onError: () => {},
    onClosed: (stream, reason) => {
      hub.remove(stream);
      closed.push(`${stream.requestId}:${reason}`);
    },
  };
  const heartbeats = new Heartbeats(60_000);
  let n = 0;
  const open = (userId: number, sessionId = `s${userId}`) => {
    const gone = new EventEmitter();
    const sink = new MemorySseSink();
    const stream = createUserStream(createSseStream(sink, gone, { retryMs: 1000, heartbeats }), { userId, sessionId, requestId: `r${++n}` }, deps);
    hub.add(stream);
    return { stream, sink, leave: () => gone.emit('close') };
  };
  return { bus, hub, open, closed, heartbeats };
}

describe('the stream hub', () => {
  it('forgets a stream once its client leaves, and only that one', () => {
    const { hub, open, closed, heartbeats } = setUp(10);
    const a = open(1);
    const b = open(1);
    expect(hub.count(1)).toBe(2);
    a.leave();
    expect(hub.count(1)).toBe(1);
    expect(closed).toEqual(['r1:client']);
    hub.remove(a.stream); // idempotent
    expect(hub.count(1)).toBe(1);
    b.stream.sse.close();
    expect(hub.count(1)).toBe(0);
    heartbeats.close();
  });

  it("closes the user's oldest stream past the limit, and nobody else's", () => {
    const { hub, open, closed, heartbeats } = setUp(2);
    const other = open(2);
    const streams: { stream: UserStream }[] = [open(1), open(1), open(1)];
    expect(streams[0]!.stream.sse.closed).toBe(true);
    expect(streams.slice(1).every((s) => !s.stream.sse.closed)).toBe(true);
    expect(other.stream.sse.closed).toBe(false);
    expect(hub.count(1)).toBe(2);
    expect(closed).toEqual(['r2:server']);
    heartbeats.close();
  });

  it('ends the streams of a signed-out session', () => {
    const { bus, hub, open, heartbeats } = setUp(10);
    const mine = open(1, 'x');
    const otherTab = open(1, 'y');
    bus.publish('session.revoked', { sessionId: 'x', reason: 'signed_out' });
    expect(mine.sink.text).toContain('event: session');
    expect(mine.stream.sse.closed).toBe(true);
    expect(otherTab.stream.sse.closed).toBe(false);
    expect(hub.count(1)).toBe(1);
    heartbeats.close();
  });
});
