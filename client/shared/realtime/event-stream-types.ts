// The shapes of an event stream connection, shared by the connection, the tab-sharing layer and their tests.
import type { NetworkSignal } from './browser-network';

export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'refused';

export interface StreamMessage {
  readonly event: string;
  readonly data: string;
  /** The stream's last event id when this event was dispatched ('' before the stream set one). */
  readonly lastEventId: string;
}

/** What this module needs of EventSource; tests pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface EventStreamOptions {
  url: string;
  /** The `event:` names to listen for: EventSource dispatches named events only to listeners of that name. */
  events: readonly string[];
  /** Query parameter that carries the resume point on a fresh EventSource. */
  resumeParam?: string;
  createEventSource?: (url: string) => EventSourceLike;
  network?: NetworkSignal;
}

export type StreamListener = (message: StreamMessage) => void;

export interface EventStreamConnection {
  connect(): void;
  /** Keeps the last id: a later `connect()` resumes after it. */
  close(): void;
  /** A fresh EventSource resuming after the last id, e.g. once the cause of a refusal is gone. */
  reconnect(): void;
  on(event: string, listener: StreamListener): () => void;
  /** Every event, whatever its name. */
  onMessage(listener: StreamListener): () => void;
  getState(): StreamState;
  subscribe(listener: () => void): () => void;
  getLastEventId(): string | undefined;
  /** Adopts a resume point seen elsewhere (another tab); the next fresh EventSource starts after it. */
  resumeAfter(id: string | undefined): void;
}
