// A tab that signs out hangs up its sockets first, and signs out once the server has their goodbyes. Hanging up
// later races the server's own disconnect of the session's sockets: a socket that has not yet heard it sends its
// goodbye for a namespace the server already dropped, Socket.IO's server then closes the whole connection, and on
// long polling the tab's closing POST meets "Session ID unknown" (a 400 in the console, nothing worse). The
// connections register here, so the sign-out needs to know none of them.

export interface HungUp {
  /** Settles once what the connection sent on hanging up has been taken by the server. */
  readonly delivered: Promise<void>;
  /** Opens the connection again (a sign-out that failed). */
  reopen(): void;
}

/** Closes one connection if it is open or opening. */
export type HangUp = () => HungUp | undefined;

/** How long a sign-out waits for the goodbyes: on a dead network they never arrive, and it goes on without them. */
export const HANG_UP_WAIT_MS = 1000;

const hangUps = new Set<HangUp>();

export function hangUpOnSignOut(hangUp: HangUp): () => void {
  hangUps.add(hangUp);
  return () => void hangUps.delete(hangUp);
}

/** Closes every registered connection that is open; the answer reopens exactly those. */
export async function hangUpForSignOut(waitMs = HANG_UP_WAIT_MS): Promise<() => void> {
  const hungUp = [...hangUps].map((hangUp) => hangUp()).filter((h): h is HungUp => h !== undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.all(hungUp.map((h) => h.delivered)), giveUp]);
  clearTimeout(timer);
  return () => {
    for (const h of hungUp) h.reopen();
  };
}

/** The part of a Socket.IO client socket that tells when its connection to the server has closed. */
interface ClosableSocket {
  readonly io?: { readonly engine?: { readonly readyState?: string; once(event: 'close', listener: () => void): unknown } };
}

/**
 * Settles when the socket's engine connection closes. Socket.IO closes it once its last socket is gone and the
 * goodbyes it had to send have been answered, so it is the moment the server knows.
 */
export function engineClosed(socket: ClosableSocket | undefined): Promise<void> {
  const engine = socket?.io?.engine;
  if (!engine || engine.readyState === 'closed') return Promise.resolve();
  return new Promise((resolve) => void engine.once('close', () => resolve()));
}

/** A Socket.IO connection's hang-up: `close` it if it is open or opening, and `reopen` it on a failed sign-out. */
export function hangUpSocket(
  socket: (ClosableSocket & { readonly active: boolean }) | undefined,
  close: () => void,
  reopen: () => void,
): HungUp | undefined {
  if (!socket?.active) return undefined;
  const delivered = engineClosed(socket);
  close();
  return { delivered, reopen };
}
