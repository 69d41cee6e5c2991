// One event stream per browser instead of one per tab. Over HTTP/1.1 a browser opens at most six connections to
// an origin, and a stream per tab would use them up and hang the app. The tabs elect a leader (Web Locks); only
// the leader opens the EventSource, and it repeats every event and its own status to the other tabs over a
// BroadcastChannel. When the leader goes (tab closed, signed out), the lock passes to another tab, which opens the
// stream resuming after the newest id any tab saw, so nothing is lost in the hand-over. Without Web Locks or
// BroadcastChannel (old browsers, pages not served over HTTPS) each tab simply holds its own stream.
import type { EventStreamConnection, StreamMessage, StreamState } from './event-stream-types';
import { browserLocks, campaignForLeadership, type LockManagerLike } from './leader-election';
import { browserChannel, type ChannelLike, type ChannelMessage } from './tab-channel';

export type StreamRole = 'leader' | 'follower' | 'none';

export interface SharedStreamStatus {
  /** The leader's connection, as this tab knows it. */
  readonly state: StreamState;
  readonly role: StreamRole;
}

export interface SharedEventStreamOptions {
  /** Names both the lock and the channel. */
  name: string;
  /** Opens the stream itself; called in the leader tab only. */
  createConnection: () => EventStreamConnection;
  /** `null` turns sharing off (one stream per tab). Default: the browser's, when it has them. */
  locks?: LockManagerLike | null;
  createChannel?: ((name: string) => ChannelLike) | null;
}

export interface SharedEventStream<Events extends object> {
  connect(): void;
  close(): void;
  /** Opens the leader's stream afresh (after a refusal); followers have nothing to do. */
  reconnect(): void;
  on<E extends keyof Events & string>(event: E, handler: (payload: Events[E]) => void): () => void;
  getStatus(): SharedStreamStatus;
  subscribe(listener: () => void): () => void;
  getLastEventId(): string | undefined;
}

const IDLE: SharedStreamStatus = { state: 'idle', role: 'none' };

export function createSharedEventStream<Events extends object>(options: SharedEventStreamOptions): SharedEventStream<Events> {
  const { name, createConnection } = options;
  const locks = options.locks === undefined ? browserLocks() : (options.locks ?? undefined);
  const createChannel = options.createChannel === undefined ? browserChannel() : (options.createChannel ?? undefined);
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<() => void>();
  let status = IDLE;
  let connected = false;
  let lastEventId: string | undefined;
  let channel: ChannelLike | undefined;
  let leading: { connection: EventStreamConnection; stop: () => void } | undefined;
  let resign: (() => void) | undefined;

  const setStatus = (state: StreamState, role: StreamRole) => {
    if (state === status.state && role === status.role) return;
    status = { state, role }; // a new object only on change, for useSyncExternalStore
    for (const listener of [...statusListeners]) listener();
  };

  function deliver(message: StreamMessage): void {
    if (message.lastEventId) lastEventId = message.lastEventId;
    const set = handlers.get(message.event);
    if (!set?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      console.warn(`Ignored a "${message.event}" event whose data is not JSON`);
      return;
    }
    for (const handler of [...set]) handler(payload);
  }

  const announce = () => {
    if (leading) channel?.postMessage({ type: 'status', state: leading.connection.getState(), lastEventId });
  };

  function lead(): void {
    const connection = createConnection();
    connection.resumeAfter(lastEventId);
    const stopMessages = connection.onMessage((message) => {
      deliver(message);
      channel?.postMessage({ type: 'event', message });
    });
    const stopStatus = connection.subscribe(() => {
      setStatus(connection.getState(), 'leader');
      announce();
    });
    leading = { connection, stop: () => (stopMessages(), stopStatus(), connection.close()) };
    connection.connect();
    setStatus(connection.getState(), 'leader');
    announce();
  }

  function onChannelMessage(message: ChannelMessage): void {
    if (message.type === 'hello') return announce();
    if (leading) return; // the leader hears the server itself
    if (message.type === 'event') return deliver(message.message);
    if (message.lastEventId) lastEventId = message.lastEventId;
    setStatus(message.state, 'follower');
  }

  return {
    connect() {
      if (connected) return;
      connected = true;
      if (!locks || !createChannel) return lead();
      channel = createChannel(name);
      channel.onmessage = (event) => onChannelMessage(event.data);
      setStatus('connecting', 'follower');
      // A leader already running answers with its status, so this tab need not wait for the next change.
      channel.postMessage({ type: 'hello' });
      resign = campaignForLeadership(locks, name, lead);
    },
    close() {
      if (!connected) return;
      connected = false;
      resign?.();
      resign = undefined;
      if (leading) {
        leading.stop();
        leading = undefined;
        // The lock goes to another tab, which will report its own connection; until then the stream is moving.
        channel?.postMessage({ type: 'status', state: 'reconnecting', lastEventId });
      }
      channel?.close();
      channel = undefined;
      // Closed on purpose (signed out): whoever signs in next starts at "now" and loads the rest over REST,
      // instead of having someone else's or an old session's backlog replayed at them.
      lastEventId = undefined;
      setStatus(IDLE.state, IDLE.role);
    },
    reconnect: () => leading?.connection.reconnect(),
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      const listener = handler as (payload: unknown) => void;
      handlers.set(event, set.add(listener));
      return () => {
        set.delete(listener);
      };
    },
    getStatus: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    getLastEventId: () => lastEventId,
  };
}
