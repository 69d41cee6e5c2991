// Every lane by kind: what a LabRun is given, in the page and in the headless runner alike.
import type { CreateLane, LaneKind } from './lane-types';
import { createLongPollLane } from './long-poll-lane';
import { createPollLane } from './poll-lane';
import { createSseLane } from './sse-lane';
import { createWebSocketLane } from './websocket-lane';

export const LANE_FACTORIES: Record<LaneKind, CreateLane> = {
  poll: createPollLane,
  long_poll: createLongPollLane,
  sse: createSseLane,
  websocket: createWebSocketLane,
};
