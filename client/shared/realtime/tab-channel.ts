// How the tabs sharing one stream talk: a BroadcastChannel reaches every other tab of this origin in this browser
// (not the sending tab itself). The leader sends events and its status; a tab that joins says hello.
import type { StreamMessage, StreamState } from './event-stream-types';

/** What tabs tell each other. */
export type ChannelMessage =
  | { type: 'event'; message: StreamMessage }
  | { type: 'status'; state: StreamState; lastEventId?: string }
  | { type: 'hello' };

export interface ChannelLike {
  postMessage(message: ChannelMessage): void;
  onmessage: ((event: MessageEvent<ChannelMessage>) => void) | null;
  close(): void;
}

export const browserChannel = (): ((name: string) => ChannelLike) | undefined =>
  typeof BroadcastChannel === 'undefined' ? undefined : (name) => new BroadcastChannel(name) as ChannelLike;
