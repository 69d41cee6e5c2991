// Socket.IO drops an event nobody listens to, and a client that asked for an ack can then only time out. Every
// namespace answers events its contract does not name with a `not_found` error ack instead.
import type { Socket } from 'socket.io';

/**
 * Answers, on `socket`, every event outside `known` that came with an ack. `onAny` sees the known events too: it
 * leaves them to their handlers.
 */
export function answerUnknownEvents(socket: Socket, known: ReadonlySet<string>): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) return;
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const name = JSON.stringify(String(event).slice(0, 64));
    (ack as (response: unknown) => void)({
      ok: false,
      error: { code: 'not_found', message: `There is no event ${name} on ${socket.nsp.name}.` },
    });
  });
}
