import { describe, expect, it, vi } from 'vitest';
import { createEventStreamConnection } from './event-stream-connection';
import { createSharedEventStream } from './shared-event-stream';
import { eventSourceFactory, FakeChannels, FakeLocks, FakeNetwork, settle } from './stream-fakes';

interface Events {
  notification: { id: number };
  unread: { count: number };
}

/** A browser: tabs share its locks and channels, and each tab's EventSources are recorded. */
function browser() {
  const locks = new FakeLocks();
  const channels = new FakeChannels();
  const sources = eventSourceFactory();
  const network = new FakeNetwork();
  const tab = () =>
    createSharedEventStream<Events>({
      name: 'stream',
      locks,
      createChannel: channels.create,
      createConnection: () =>
        createEventStreamConnection({ url: '/stream', events: ['notification', 'unread'], createEventSource: sources.create, network }),
    });
  const source = () => {
    const latest = sources.latest();
    if (!latest) throw new Error('no EventSource was created');
    return latest;
  };
  return { locks, sources, source, tab };
}

describe('shared event stream', () => {
  it('opens one EventSource for all tabs and relays its events and status to the others', async () => {
    const { sources, source, tab } = browser();
    const leader = tab();
    const follower = tab();
    const heard = vi.fn();
    follower.on('notification', heard);
    leader.connect();
    await settle();
    follower.connect();
    await settle();
    expect(sources.created).toHaveLength(1);
    expect(leader.getStatus()).toEqual({ state: 'connecting', role: 'leader' });

    source().open();
    source().emit('notification', { id: 5 }, 5);
    await settle();
    expect(leader.getStatus()).toEqual({ state: 'open', role: 'leader' });
    expect(follower.getStatus()).toEqual({ state: 'open', role: 'follower' });
    expect(heard).toHaveBeenCalledWith({ id: 5 });
    expect(follower.getLastEventId()).toBe('5');
  });

  it('tells a tab that joins later how the stream is doing', async () => {
    const { source, tab } = browser();
    const leader = tab();
    leader.connect();
    await settle();
    source().open();
    const late = tab();
    late.connect();
    await settle();
    expect(late.getStatus()).toEqual({ state: 'open', role: 'follower' });
  });

  it('moves the stream to another tab when the leader goes, resuming after the last id seen', async () => {
    const { locks, sources, source, tab } = browser();
    const leader = tab();
    const follower = tab();
    leader.connect();
    await settle();
    follower.connect();
    await settle();
    source().open();
    source().emit('unread', { count: 0 }, 30);
    source().emit('notification', { id: 31 }, 31);
    await settle();

    // The leader's tab is closed: no cleanup runs, the browser just releases its lock.
    locks.dropHolder();
    await settle();
    expect(sources.created).toHaveLength(2);
    expect(source().url).toBe('/stream?last_event_id=31');
    expect(follower.getStatus()).toEqual({ state: 'connecting', role: 'leader' });
  });

  it('hands over on close and says the stream is moving meanwhile', async () => {
    const { sources, source, tab } = browser();
    const leader = tab();
    const follower = tab();
    const third = tab();
    for (const t of [leader, follower, third]) {
      t.connect();
      await settle();
    }
    source().open();
    await settle();
    leader.close();
    expect(leader.getStatus()).toEqual({ state: 'idle', role: 'none' });
    await settle();
    expect(sources.created).toHaveLength(2);
    expect(sources.created[0]?.readyState).toBe(2);
    expect(follower.getStatus().role).toBe('leader');
    expect(third.getStatus()).toEqual({ state: 'connecting', role: 'follower' });
  });

  it('starts afresh after a deliberate close (sign-out), not from the old position', async () => {
    const { source, tab } = browser();
    const only = tab();
    only.connect();
    await settle();
    source().open();
    source().emit('notification', { id: 8 }, 8);
    only.close();
    only.connect();
    await settle();
    expect(source().url).toBe('/stream');
  });

  it('delivers each event once in the leader tab and once in each follower', async () => {
    const { source, tab } = browser();
    const tabs = [tab(), tab(), tab()];
    const counts = tabs.map((t) => {
      const heard = vi.fn();
      t.on('notification', heard);
      return heard;
    });
    for (const t of tabs) {
      t.connect();
      await settle();
    }
    source().open();
    source().emit('notification', { id: 1 }, 1);
    await settle();
    expect(counts.map((heard) => heard.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('holds a stream in every tab when the browser cannot share one', () => {
    const sources = eventSourceFactory();
    const network = new FakeNetwork();
    const tab = () =>
      createSharedEventStream<Events>({
        name: 'stream',
        locks: null,
        createChannel: null,
        createConnection: () => createEventStreamConnection({ url: '/stream', events: [], createEventSource: sources.create, network }),
      });
    tab().connect();
    tab().connect();
    expect(sources.created).toHaveLength(2);
  });
});
