// Server-Sent Events: one stream from GET /api/orders/stream. EventSource reconnects by itself after a lost
// connection and sends Last-Event-ID (every change carries `id: <seq>`), so the server resumes after the newest
// seq. Only when it gives up (an answer other than a 200 stream leaves it CLOSED) does the lane open a new one,
// after a backoff, with `after=` the newest seq it has.
import { ORDER_STREAM_EVENTS } from '../../../../server/contract/lab';
import type { OrderChange } from '../../../../server/contract/orders';
import { backoffMs } from './backoff';
import type { CreateLane, EventSourceLike } from './lane-types';
import { sseEventBytes } from './traffic-bytes';

/** EventSource.CLOSED; the constant is not on the interface, and the page and Node agree on it. */
const CLOSED = 2;

export const SSE_BYTES_COUNTED =
  'Per change, the event as sent (`id:`, `event:` and `data:` lines); per connection opened, one request of 0 bytes: ' +
  'EventSource shows neither the status line nor the headers, nor the `retry:` lines and heartbeat comments.';

export const createSseLane: CreateLane = (env, listener) => {
  let newest = 0;
  let source: EventSourceLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  /** The connection was lost (or the lane went offline) since it was last open: the next open is a reconnect. */
  let interrupted = false;

  const close = () => {
    source?.close();
    source = undefined;
    clearTimeout(timer);
    timer = undefined;
  };

  const message = (event: unknown) => {
    const text = (event as { message?: unknown } | null)?.message;
    return typeof text === 'string' && text ? text : 'the event stream failed';
  };

  function open(): void {
    const es = env.createEventSource(`${env.baseUrl}/api/orders/stream?after=${newest}`);
    source = es;
    listener.state(interrupted ? 'reconnecting' : 'connecting');
    es.onopen = () => {
      if (source !== es) return;
      listener.traffic('request', 0, false);
      if (interrupted) listener.reconnect();
      interrupted = false;
      failures = 0;
      listener.state('open');
    };
    es.onerror = (event) => {
      if (source !== es) return;
      interrupted = true;
      listener.state('reconnecting');
      listener.error(message(event));
      if (es.readyState !== CLOSED) return; // EventSource tries again by itself, with Last-Event-ID
      es.close();
      source = undefined;
      failures += 1;
      timer = setTimeout(() => {
        timer = undefined;
        open();
      }, backoffMs(failures));
    };
    es.addEventListener(ORDER_STREAM_EVENTS.change, (event) => {
      const receivedAt = env.now();
      if (source !== es) return;
      const change = JSON.parse(event.data) as OrderChange;
      listener.traffic('frame', sseEventBytes(ORDER_STREAM_EVENTS.change, event.lastEventId, event.data), false);
      newest = Math.max(newest, change.seq);
      listener.change(change, receivedAt);
    });
    es.addEventListener(ORDER_STREAM_EVENTS.session, () => {
      if (source === es) listener.error('the session ended: signed out elsewhere');
    });
  }

  return {
    kind: 'sse',
    bytesCounted: SSE_BYTES_COUNTED,
    start(after) {
      close();
      newest = after;
      open();
    },
    stop() {
      close();
      listener.state('stopped');
    },
    setOffline(offline) {
      close();
      if (!offline) return open();
      interrupted = true;
      listener.state('offline');
    },
    configure() {
      // Nothing to tune: the server pushes as changes commit.
    },
  };
};
