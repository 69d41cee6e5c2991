// Stand-ins for the browser pieces the realtime modules use (EventSource, Web Locks, BroadcastChannel, the
// online/offline signal), for unit tests in Node. They model the behaviour the modules rely on, nothing more.
import type { NetworkSignal } from './browser-network';
import type { EventSourceLike } from './event-stream-types';
import type { LockManagerLike } from './leader-election';
import type { ChannelLike, ChannelMessage } from './tab-channel';

export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  private lastEventId = '';

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  /** The server answered 200 with an event stream. */
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** An event; `id` sets the last event id as an `id:` line would, and it sticks for later events. */
  emit(event: string, payload: unknown, id?: number): void {
    if (id !== undefined) this.lastEventId = String(id);
    const message = { data: JSON.stringify(payload), lastEventId: this.lastEventId } as MessageEvent<string>;
    for (const listener of this.listeners.get(event) ?? []) listener(message);
  }
  /** The connection dropped; the browser will retry by itself. */
  drop(): void {
    this.readyState = 0;
    this.onerror?.(new Event('error'));
  }
  /** A non-200 answer: the browser gives up. */
  refuse(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

/** Creates fake EventSources and remembers them, newest last. */
export function eventSourceFactory() {
  const created: FakeEventSource[] = [];
  return {
    created,
    latest: () => created.at(-1),
    create: (url: string) => {
      const source = new FakeEventSource(url);
      created.push(source);
      return source;
    },
  };
}

export class FakeNetwork implements NetworkSignal {
  private online = true;
  private readonly listeners = new Set<() => void>();
  isOnline = () => this.online;
  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }
  set(online: boolean): void {
    this.online = online;
    for (const listener of [...this.listeners]) listener();
  }
}

interface LockRequest {
  callback: () => Promise<void>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Web Locks for one lock name at a time: exclusive, granted in request order, asynchronously. */
export class FakeLocks implements LockManagerLike {
  private readonly queue: LockRequest[] = [];
  private holder: LockRequest | undefined;

  request(_name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry = { callback, resolve, reject };
      options.signal?.addEventListener('abort', () => {
        const at = this.queue.indexOf(entry);
        if (at < 0) return;
        this.queue.splice(at, 1);
        reject(new DOMException('The request was aborted', 'AbortError'));
      });
      this.queue.push(entry);
      this.grantNext();
    });
  }

  /** The holder's tab went away without resigning: the browser releases its lock. */
  dropHolder(): void {
    const holder = this.holder;
    this.holder = undefined;
    holder?.resolve(undefined);
    this.grantNext();
  }

  private grantNext(): void {
    if (this.holder) return;
    const next = this.queue.shift();
    if (!next) return;
    this.holder = next;
    queueMicrotask(() => {
      void next.callback().then(() => {
        if (this.holder !== next) return;
        this.holder = undefined;
        next.resolve(undefined);
        this.grantNext();
      });
    });
  }
}

/** BroadcastChannel: a message reaches every other open channel of the same name, asynchronously. */
export class FakeChannels {
  private readonly open = new Set<ChannelLike & { name: string }>();

  create = (name: string): ChannelLike => {
    const channels = this.open;
    const channel = {
      name,
      onmessage: null as ChannelLike['onmessage'],
      postMessage(message: ChannelMessage) {
        const copy = structuredClone(message);
        for (const other of channels) {
          if (other === channel || other.name !== name) continue;
          queueMicrotask(() => other.onmessage?.({ data: copy } as MessageEvent<ChannelMessage>));
        }
      },
      close() {
        channels.delete(channel);
      },
    };
    channels.add(channel);
    return channel;
  };
}

/** Lets queued microtasks (lock grants, channel messages) run. */
export const settle = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};
