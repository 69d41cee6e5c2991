// Connections the "drop" fault can cut: each transport registers how to cut one of its connections for as long as
// it is open. Cutting is abrupt on purpose (a destroyed TCP connection, a closed engine transport): that is what a
// network failure looks like to a client, and what its resume logic has to survive.
export type DropKind = 'sse' | 'long_poll' | 'socket';

export interface DropRegistry {
  /** Registers an open connection; call the returned function once it has closed. */
  track(kind: DropKind, cut: () => void): () => void;
  /** Cuts every registered connection and says how many of each kind. */
  dropAll(): Record<DropKind, number>;
}

export function createDropRegistry(): DropRegistry {
  const open = new Map<() => void, DropKind>();
  return {
    track(kind, cut) {
      // A wrapper per registration, so the same function registered twice stays two entries.
      const entry = () => cut();
      open.set(entry, kind);
      return () => {
        open.delete(entry);
      };
    },
    dropAll() {
      const counts: Record<DropKind, number> = { sse: 0, long_poll: 0, socket: 0 };
      for (const [cut, kind] of [...open]) {
        open.delete(cut);
        counts[kind] += 1;
        cut();
      }
      return counts;
    },
  };
}
