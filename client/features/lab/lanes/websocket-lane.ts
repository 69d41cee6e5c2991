// WebSocket through Socket.IO's /live namespace. Socket.IO keeps nothing for a client while it is away, so after
// every connect (the first and each automatic reconnect) the lane subscribes again with the newest seq it has.
// Its traffic is counted from the Engine.IO packets it receives, pings included.
import type { Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type ChangesSubscribeResult, type LiveAck } from '../../../../server/contract/lab';
import type { OrderChange } from '../../../../server/contract/orders';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, backoffMs } from './backoff';
import type { CreateLane } from './lane-types';
import { enginePacketBytes, type EnginePacket } from './traffic-bytes';

const SUBSCRIBE_TIMEOUT_MS = 10_000;

export const WEBSOCKET_BYTES_COUNTED =
  'Per Engine.IO packet received: its type byte and data (the WebSocket frame payload), pings included; frames ' +
  'sent, WebSocket frame headers, the upgrade request and the handshake packet are not counted.';

/** A Socket.IO `change` event: a message packet whose data is `2/live,["change",…]` (with an ack id if any). */
const CHANGE_PACKET = new RegExp(`^2${LIVE_NAMESPACE},\\d*\\["change",`);
const carriesChange = (packet: EnginePacket) => packet.type === 'message' && typeof packet.data === 'string' && CHANGE_PACKET.test(packet.data);

export const createWebSocketLane: CreateLane = (env, listener) => {
  let newest = 0;
  let socket: Socket | undefined;
  let connectedOnce = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** True while the lane means to be connected; false offline and after stop. */
  let wanted = false;

  const retryLater = (s: Socket) => {
    failures += 1;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (wanted && socket === s) s.connect();
    }, backoffMs(failures));
  };

  function create(): Socket {
    const s = env.createSocket(LIVE_NAMESPACE, {
      transports: ['websocket'],
      // Its own connection, so its frames are its own, whatever else the page has open.
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: BACKOFF_MIN_MS,
      reconnectionDelayMax: BACKOFF_MAX_MS,
      randomizationFactor: 0.5,
    });
    s.io.on('open', () => {
      s.io.engine.on('packet', (packet: EnginePacket) => {
        if (socket === s && wanted) listener.traffic('frame', enginePacketBytes(packet), !carriesChange(packet));
      });
    });
    s.on('connect', () => {
      if (socket !== s || !wanted) return;
      if (connectedOnce) listener.reconnect();
      connectedOnce = true;
      failures = 0;
      listener.state('open');
      s.timeout(SUBSCRIBE_TIMEOUT_MS).emit('changes:subscribe', { after: newest }, (err: Error | null, ack?: LiveAck<ChangesSubscribeResult>) => {
        if (socket !== s || !wanted) return;
        if (err) listener.error('changes:subscribe was not answered in time');
        else if (ack && !ack.ok) listener.error(ack.error.message);
      });
    });
    s.on('change', (change: OrderChange) => {
      const receivedAt = env.now();
      if (socket !== s || !wanted) return;
      newest = Math.max(newest, change.seq);
      listener.change(change, receivedAt);
    });
    s.on('disconnect', (reason) => {
      if (socket !== s || !wanted) return;
      listener.state('reconnecting');
      // The server ended the socket on purpose (a sign-out): Socket.IO leaves it closed, so the lane tries itself.
      if (!s.active) retryLater(s);
      else listener.error(`disconnected: ${reason}`);
    });
    s.on('connect_error', (error) => {
      if (socket !== s || !wanted) return;
      listener.state('reconnecting');
      listener.error(error.message);
      // A refusal by the namespace (no session) is not retried by Socket.IO; a network failure is.
      if (!s.active) retryLater(s);
    });
    return s;
  }

  const halt = () => {
    wanted = false;
    clearTimeout(timer);
    timer = undefined;
    socket?.disconnect();
  };

  return {
    kind: 'websocket',
    bytesCounted: WEBSOCKET_BYTES_COUNTED,
    start(after) {
      halt();
      newest = after;
      socket = create();
      wanted = true;
      listener.state('connecting');
      socket.connect();
    },
    stop() {
      halt();
      socket?.off();
      socket?.io.off();
      socket = undefined;
      listener.state('stopped');
    },
    setOffline(offline) {
      if (!socket) return;
      halt();
      if (offline) return listener.state('offline');
      wanted = true;
      listener.state('reconnecting');
      socket.connect();
    },
    configure() {
      // Nothing to tune: the server pushes as changes commit.
    },
  };
};
