// Waking many streams together (wakeStreams) against the per-stream pull it replaces: the same frames, in the
// same order, exactly once, whether a stream is idle, replaying or behind by more than a page. The stream runs
// over an in-memory writer here; the real transport is covered by the route tests.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../contract/notifications.js';
import { Heartbeats } from '../http/heartbeats.js';
import { createSseStream } from '../http/sse.js';
import { MemorySseSink } from '../test/memory-sse-sink.js';
import { createUserStream, wakeStreams, type UserStreamDeps } from './user-stream.js';

class MemorySink extends MemorySseSink {
  /** Ids of the notifications written, in order, and the unread counts. */
  get events() {
    const ids = [...this.text.matchAll(/^id: (\d+)\ndata: /gm)].map((m) => Number(m[1]));
    const unread = [...this.text.matchAll(/^event: unread\ndata: \{"count":(\d+)\}/gm)].map((m) => Number(m[1]));
    return { ids, unread };
  }
}

function store() {
  const rows: (Notification & { user: number })[] = [];
  let reads = 0;
  let failing = false;
  const notifications: UserStreamDeps['notifications'] = {
    async newFor(userId, afterId, limit) {
      reads += 1;
      if (failing) throw new Error('database gone');
      const mine = rows.filter((r) => r.user === userId);
      return { notifications: mine.filter((r) => r.id > afterId).slice(0, limit), unread: mine.length };
    },
    lastId: async () => rows.at(-1)?.id ?? 0,
    unreadCount: async (userId) => rows.filter((r) => r.user === userId).length,
  };
  return {
    notifications,
    add(user: number, count = 1) {
      for (let i = 0; i < count; i += 1) {
        const id = rows.length + 1;
        rows.push({ user, id, kind: 'broadcast', title: `n${id}`, body: '', link: null, level: 'info', created_at: 0, read_at: null });
      }
    },
    reads: () => reads,
    fail: () => (failing = true),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function openStream(db: ReturnType<typeof store>, userId: number, errors: unknown[] = []) {
  const sink = new MemorySink();
  const sse = createSseStream(sink, new EventEmitter(), { retryMs: 1000, heartbeats: new Heartbeats(60_000) });
  const stream = createUserStream(sse, { userId, sessionId: `s${userId}`, requestId: `r${userId}` }, {
    notifications: db.notifications,
    onError: (e) => errors.push(e),
    onClosed: () => {},
  });
  return { sink, sse, stream };
}

describe('waking streams together', () => {
  it('answers the idle tabs of one user with one read and the same frames, the count after the notifications', async () => {
    const db = store();
    const tabs = [openStream(db, 1), openStream(db, 1), openStream(db, 1)];
    const other = openStream(db, 2);
    for (const t of [...tabs, other]) t.stream.start(undefined);
    await settle();
    const readsBefore = db.reads();
    db.add(1, 2);
    wakeStreams([...tabs, other].map((t) => t.stream), db.notifications);
    await settle();
    expect(db.reads() - readsBefore).toBe(2); // one per (user, position), not one per stream
    for (const t of tabs) expect(t.sink.events).toEqual({ ids: [1, 2], unread: [0, 2] });
    expect(other.sink.events).toEqual({ ids: [], unread: [0] }); // nothing new: nothing sent
  });

  it('sends a backlog longer than a page in order, once, with one count at its end', async () => {
    const db = store();
    const tab = openStream(db, 1);
    tab.stream.start(undefined);
    await settle();
    db.add(1, 250);
    wakeStreams([tab.stream], db.notifications);
    wakeStreams([tab.stream], db.notifications); // a second broadcast while the first is still paging
    for (let i = 0; i < 10; i += 1) await settle();
    const { ids, unread } = tab.sink.events;
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(unread).toEqual([0, 250]);
  });

  it('queues a wake-up behind a stream that is still replaying, so nothing is sent twice', async () => {
    const db = store();
    db.add(1, 3);
    const tab = openStream(db, 1);
    tab.stream.start(1); // replays 2 and 3
    db.add(1, 1);
    wakeStreams([tab.stream], db.notifications); // before the replay has read anything
    for (let i = 0; i < 5; i += 1) await settle();
    expect(tab.sink.events.ids).toEqual([2, 3, 4]);
  });

  it('closes the claimed streams and reports the error when the read fails', async () => {
    const db = store();
    const errors: unknown[] = [];
    const tab = openStream(db, 1, errors);
    tab.stream.start(undefined);
    await settle();
    db.fail();
    wakeStreams([tab.stream], db.notifications);
    await settle();
    expect(tab.sse.closed).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
