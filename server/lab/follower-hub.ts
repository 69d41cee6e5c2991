// The open change followers of one transport in this process. One bus subscription wakes them all when the feed
// moves, and a sign-out ends the followers of that session.
import type { EventBus } from '../bus/event-bus.js';

export interface HubMember {
  readonly sessionId: string;
  wake(): void;
  endSession(): void;
}

export interface FollowerHub {
  /** Registers a member; call the returned function when it closes. Register before the member's first read. */
  add(member: HubMember): () => void;
  size(): number;
  each(act: (member: HubMember) => void): void;
  close(): void;
}

export function createFollowerHub(bus: EventBus): FollowerHub {
  const members = new Set<HubMember>();
  const unsubscribers = [
    bus.subscribe('orders.changed', () => {
      for (const m of members) m.wake();
    }),
    bus.subscribe('session.revoked', ({ sessionId }) => {
      for (const m of [...members]) if (m.sessionId === sessionId) m.endSession();
    }),
  ];
  return {
    add(member) {
      members.add(member);
      return () => {
        members.delete(member);
      };
    },
    size: () => members.size,
    each(act) {
      for (const m of [...members]) act(m);
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
