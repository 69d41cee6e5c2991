// Socket.IO event maps for the default namespace. Feature namespaces (/chat, /live) add their own maps here.
// Events are named `entity:verb`.
export interface SessionEndedPayload {
  reason: 'signed_out' | 'expired';
}

export interface ServerToClientEvents {
  'session:ended': (payload: SessionEndedPayload) => void;
}

// The default namespace is used for connection health only; clients send nothing on it yet.
export type ClientToServerEvents = Record<string, never>;

/** `connect_error` reasons the server gives on a refused handshake (in `err.data.code`). */
export type HandshakeErrorCode = 'unauthenticated' | 'foreign_origin';
