// Long polling: the server holds each request up to `longPollWaitS` until a change commits; the next request
// leaves as soon as an answer arrives. A cut connection (the drop fault) fails the request, and the lane asks
// again after a short backoff from the newest seq it has.
import { createFeedLane } from './feed-lane';
import type { CreateLane } from './lane-types';
import { HTTP_BYTES_COUNTED } from './traffic-bytes';

/** Beyond the held time, how long an answer may take before the request is abandoned and retried. */
const LONG_POLL_GRACE_MS = 10_000;

export const createLongPollLane: CreateLane = (env, listener, settings) =>
  createFeedLane(
    {
      kind: 'long_poll',
      bytesCounted: HTTP_BYTES_COUNTED,
      query: (s) => `&wait=${s.longPollWaitS}`,
      pauseMs: () => 0,
      timeoutMs: (s) => s.longPollWaitS * 1000 + LONG_POLL_GRACE_MS,
    },
    env,
    listener,
    settings,
  );
