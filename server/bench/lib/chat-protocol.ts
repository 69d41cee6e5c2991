// What the chat load pool and its worker processes say to each other over IPC, and the message text every
// server relays: the same bytes on all three servers, carrying what the receiver needs to time and dedupe it.

export type ChatTarget =
  /** Switchboard's /chat namespace: a session cookie per client (clients share users round-robin). */
  | { kind: 'switchboard'; url: string; roomId: number; cookies: string[] }
  /** A bare Socket.IO server relaying `chat message`. */
  | { kind: 'socketio'; url: string }
  /** A raw WebSocket relay. */
  | { kind: 'ws'; url: string };

export type WorkerRequest =
  | { op: 'connect'; target: ChatTarget; first: number; count: number; messages: number }
  /** Starts counting a new run: only messages carrying `tag` count, so a straggler of the last run cannot. */
  | { op: 'reset'; tag: string }
  /** `tag` also keeps client ids unique across runs on one server (a reused id is answered as a resend). */
  | { op: 'send'; senders: number; messages: number; intervalMs: number; tag: string }
  | { op: 'report' }
  | { op: 'close' };

export interface SendOutcome {
  sent: number;
  /** Sends the server answered with an error ack or not at all (Switchboard only; the relays do not ack). */
  rejected: number;
  rejections: string[];
}

export interface WorkerReport {
  delivered: number;
  duplicates: number;
  /** Texts that could not be read or belong to another run. */
  unreadable: number;
  /** One per delivery, in ms: arrival minus the send time written into the message. */
  latenciesMs: Float64Array;
}

export type WorkerMessage =
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'progress'; delivered: number };

/** Wall-clock ms with sub-ms precision, comparable across processes of one machine. */
export const wallClockMs = (): number => performance.timeOrigin + performance.now();

const FILLER = 'the quick brown fox jumps over the lazy dog';

export function messageText(tag: string, index: number, sentAtMs: number): string {
  return `${tag} ${index} ${sentAtMs.toFixed(3)} ${FILLER}`;
}

export function readMessageText(text: string): { tag: string; index: number; sentAtMs: number } | null {
  const [tag, index, sentAt] = text.split(' ', 3);
  const [i, at] = [Number(index), Number(sentAt)];
  if (!tag || !Number.isSafeInteger(i) || !Number.isFinite(at)) return null;
  return { tag, index: i, sentAtMs: at };
}
