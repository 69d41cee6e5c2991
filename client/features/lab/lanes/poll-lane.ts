// Short polling: ask, wait `pollIntervalMs` after each answer, ask again. A plain loop rather than a query
// library's refetch interval, so the same lane runs in the page and headless. The last ETag goes back as
// If-None-Match, so an unchanged feed costs a bodiless 304.
import { createFeedLane } from './feed-lane';
import type { CreateLane } from './lane-types';
import { HTTP_BYTES_COUNTED } from './traffic-bytes';

/** Far beyond any healthy answer; a poll that hangs longer is abandoned and retried. */
const POLL_TIMEOUT_MS = 30_000;

export const createPollLane: CreateLane = (env, listener, settings) =>
  createFeedLane(
    {
      kind: 'poll',
      bytesCounted: HTTP_BYTES_COUNTED,
      query: () => '',
      pauseMs: (s) => s.pollIntervalMs,
      timeoutMs: () => POLL_TIMEOUT_MS,
    },
    env,
    listener,
    settings,
  );
