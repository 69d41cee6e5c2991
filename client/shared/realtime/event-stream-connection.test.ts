import { describe, expect, it, vi } from 'vitest';
import { createEventStreamConnection } from './event-stream-connection';
import { eventSourceFactory, FakeNetwork } from './stream-fakes';

function setup() {
  const sources = eventSourceFactory();
  const network = new FakeNetwork();
  const connection = createEventStreamConnection({
    url: '/api/stream',
    events: ['notification', 'unread'],
    createEventSource: sources.create,
    network,
  });
  const source = () => {
    const latest = sources.latest();
    if (!latest) throw new Error('no EventSource was created');
    return latest;
  };
  return { sources, network, connection, source };
}

describe('event stream connection', () => {
  it('is idle until asked to connect, then opens one EventSource', () => {
    const { sources, connection, source } = setup();
    expect(connection.getState()).toBe('idle');
    connection.connect();
    connection.connect();
    expect(sources.created).toHaveLength(1);
    expect(source().url).toBe('/api/stream');
    expect(connection.getState()).toBe('connecting');
    source().open();
    expect(connection.getState()).toBe('open');
  });

  it('hands events to the listeners of their name and tracks the newest id', () => {
    const { connection, source } = setup();
    const notifications = vi.fn();
    const everything = vi.fn();
    connection.on('notification', notifications);
    connection.onMessage(everything);
    connection.connect();
    source().open();
    source().emit('unread', { count: 2 }, 40);
    source().emit('notification', { id: 41 }, 41);
    source().emit('unread', { count: 3 });
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(notifications).toHaveBeenCalledWith({ event: 'notification', data: '{"id":41}', lastEventId: '41' });
    expect(everything).toHaveBeenCalledTimes(3);
    // An event without `id:` repeats the newest id, so it stays the resume point.
    expect(connection.getLastEventId()).toBe('41');
  });

  it('reports a drop as reconnecting and leaves the retry (with Last-Event-ID) to the browser', () => {
    const { sources, connection, source } = setup();
    connection.connect();
    source().open();
    source().drop();
    expect(connection.getState()).toBe('reconnecting');
    source().open();
    expect(connection.getState()).toBe('open');
    expect(sources.created).toHaveLength(1);
  });

  it('reports a refusal and opens a fresh EventSource that resumes after the last id on reconnect()', () => {
    const { sources, connection, source } = setup();
    connection.connect();
    source().open();
    source().emit('notification', { id: 7 }, 7);
    source().refuse();
    expect(connection.getState()).toBe('refused');
    connection.reconnect();
    expect(sources.created).toHaveLength(2);
    expect(source().url).toBe('/api/stream?last_event_id=7');
    expect(connection.getState()).toBe('reconnecting');
  });

  it('closes the stream while offline and resumes after the last id when back online', () => {
    const { sources, network, connection, source } = setup();
    connection.connect();
    source().open();
    source().emit('notification', { id: 12 }, 12);
    const first = source();
    network.set(false);
    expect(connection.getState()).toBe('offline');
    expect(first.readyState).toBe(2);
    network.set(true);
    expect(sources.created).toHaveLength(2);
    expect(source().url).toBe('/api/stream?last_event_id=12');
    // Events of the replaced EventSource are ignored.
    const late = vi.fn();
    connection.on('notification', late);
    first.emit('notification', { id: 13 }, 13);
    expect(late).not.toHaveBeenCalled();
  });

  it('starts after a resume point given from elsewhere, and ignores an empty one', () => {
    const { connection, source } = setup();
    connection.resumeAfter('99');
    connection.resumeAfter(undefined);
    connection.connect();
    expect(source().url).toBe('/api/stream?last_event_id=99');
  });

  it('returns to idle on close, notifying subscribers only on change', () => {
    const { connection, source } = setup();
    const listener = vi.fn();
    const unsubscribe = connection.subscribe(listener);
    connection.connect();
    source().open();
    connection.close();
    expect(connection.getState()).toBe('idle');
    expect(source().readyState).toBe(2);
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    connection.connect();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('removes only the listener it added', () => {
    const { connection, source } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = connection.on('unread', first);
    connection.on('unread', second);
    offFirst();
    connection.connect();
    source().emit('unread', { count: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
