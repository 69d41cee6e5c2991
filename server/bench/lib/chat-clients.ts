// One load client per target kind, behind one small interface: connected and in the room when the promise
// resolves, every relayed text handed to `onText`. Socket.IO clients use the WebSocket transport only, so the
// measurement is not skewed by long-polling upgrades.
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { ChatTarget } from './chat-protocol.js';

export interface LoadClient {
  /** Resolves with null once the server accepted the text, or with why not. */
  send(text: string, clientId: string): Promise<string | null>;
  close(): void;
}

/** Long enough that only a lost ack counts as one on a busy machine, where a late one is only latency. */
const ACK_TIMEOUT_MS = 30_000;

function socketOptions(extraHeaders?: Record<string, string>) {
  return { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000, extraHeaders };
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export async function connectClient(target: ChatTarget, index: number, onText: (text: string) => void): Promise<LoadClient> {
  switch (target.kind) {
    case 'switchboard': {
      const cookie = target.cookies[index % target.cookies.length]!;
      const socket = io(`${target.url}/chat`, socketOptions({ cookie }));
      socket.on('message:new', (message: { text: string }) => onText(message.text));
      await connected(socket);
      const join = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:join', { roomId: target.roomId })) as { ok: boolean };
      if (!join.ok) throw new Error(`room:join refused: ${JSON.stringify(join)}`);
      return {
        async send(text, clientId) {
          try {
            const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { roomId: target.roomId, clientId, text })) as {
              ok: boolean;
              error?: { code: string };
            };
            return ack.ok ? null : (ack.error?.code ?? 'error');
          } catch {
            return `no ack in ${ACK_TIMEOUT_MS / 1000} s`;
          }
        },
        close: () => void socket.disconnect(),
      };
    }
    case 'socketio': {
      const socket = io(target.url, socketOptions());
      socket.on('chat message', (text: string) => onText(text));
      await connected(socket);
      return {
        send: async (text) => (socket.emit('chat message', text), null),
        close: () => void socket.disconnect(),
      };
    }
    case 'ws': {
      const socket = new WebSocket(target.url.replace(/^http/, 'ws'));
      socket.on('message', (data) => onText(String(data)));
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      return {
        send: async (text) => (socket.send(text), null),
        close: () => socket.terminate(),
      };
    }
  }
}
