// One Server-Sent Events stream as a plain module: a single EventSource at a time, its state in words the UI can
// show, and the newest event id. The browser's own reconnects resend Last-Event-ID by themselves; a fresh
// EventSource (after going offline, after a refusal, in a tab that takes the stream over) cannot set headers, so it
// carries the id in the query string instead, and the stream resumes where the previous one stopped.
import { browserNetwork } from './browser-network';
import type {
  EventSourceLike,
  EventStreamConnection,
  EventStreamOptions,
  StreamListener,
  StreamMessage,
  StreamState,
} from './event-stream-types';

/** `EventSource.CLOSED`: after an error it means the browser gave up (a non-200 answer, e.g. 401). */
const CLOSED = 2;

export function createEventStreamConnection(options: EventStreamOptions): EventStreamConnection {
  const { url, events, resumeParam = 'last_event_id', network = browserNetwork } = options;
  const createEventSource = options.createEventSource ?? ((target: string) => new EventSource(target));
  const listeners = new Map<string | null, Set<StreamListener>>();
  const stateListeners = new Set<() => void>();
  let source: EventSourceLike | undefined;
  let state: StreamState = 'idle';
  let wanted = false;
  let everOpened = false;
  let lastEventId: string | undefined;
  let stopNetwork: (() => void) | undefined;

  const setState = (next: StreamState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener();
  };

  const addListener = (key: string | null, listener: StreamListener) => {
    const set = listeners.get(key) ?? new Set();
    listeners.set(key, set.add(listener));
    // Remove this listener only: others belong to other code.
    return () => {
      set.delete(listener);
    };
  };

  function dispatch(event: string, { data, lastEventId: id }: MessageEvent<string>): void {
    // Events without `id:` repeat the newest id the stream set, so the newest seen is always the resume point.
    if (id) lastEventId = id;
    const message: StreamMessage = { event, data, lastEventId: id };
    for (const listener of [...(listeners.get(event) ?? []), ...(listeners.get(null) ?? [])]) listener(message);
  }

  function open(): void {
    const target =
      lastEventId === undefined
        ? url
        : `${url}${url.includes('?') ? '&' : '?'}${resumeParam}=${encodeURIComponent(lastEventId)}`;
    const created = createEventSource(target);
    // A replaced EventSource can still deliver a queued event or error: only the current one counts.
    created.onopen = () => {
      if (source !== created) return;
      everOpened = true;
      setState('open');
    };
    created.onerror = () => {
      if (source !== created) return;
      if (created.readyState === CLOSED) {
        source = undefined;
        setState(network.isOnline() ? 'refused' : 'offline');
      } else {
        setState(network.isOnline() ? 'reconnecting' : 'offline');
      }
    };
    for (const event of events) {
      created.addEventListener(event, (message) => {
        if (source === created) dispatch(event, message);
      });
    }
    source = created;
  }

  function drop(): void {
    source?.close();
    source = undefined;
  }

  function start(): void {
    drop();
    if (!network.isOnline()) return setState('offline');
    setState(everOpened ? 'reconnecting' : 'connecting');
    open();
  }

  // Offline, the connection is dead whatever the socket says; back online, resume at once instead of waiting
  // for the browser's next retry.
  const onNetworkChange = () => {
    if (!wanted) return;
    if (!network.isOnline()) {
      drop();
      setState('offline');
    } else if (!source) {
      start();
    }
  };

  return {
    connect() {
      if (wanted) return;
      wanted = true;
      stopNetwork = network.subscribe(onNetworkChange);
      start();
    },
    close() {
      wanted = false;
      stopNetwork?.();
      stopNetwork = undefined;
      drop();
      everOpened = false;
      setState('idle');
    },
    reconnect() {
      if (wanted) start();
    },
    on: (event, listener) => addListener(event, listener),
    onMessage: (listener) => addListener(null, listener),
    getState: () => state,
    subscribe(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    getLastEventId: () => lastEventId,
    resumeAfter(id) {
      if (id) lastEventId = id;
    },
  };
}
