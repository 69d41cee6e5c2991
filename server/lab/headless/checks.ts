// Whether a run shows what each transport should do. Exact delivery (every seq once, in order, also across each
// fault) must hold on any machine and fails the run; latency targets depend on the machine and are only reported.
import type { LabFigures } from '../../../client/features/lab/lanes/lab-run';
import { LANE_LABELS, type LaneKind } from '../../../client/features/lab/lanes/lane-types';

export interface Check {
  check: string;
  lane: string;
  value: string;
  target: string;
  met: boolean;
  /** A failed exact check fails the run. */
  exact: boolean;
}

type Lane = LabFigures['lanes'][number];

/** Short polling waits half an interval on average, plus the round trip that brings the answer. */
export const POLL_TOLERANCE = 0.25;
const PUSH_P50_MS: Partial<Record<LaneKind, number>> = { sse: 10, websocket: 10, long_poll: 20 };

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');

function deliveryCheck(lane: Lane, head: number): Check {
  // Up to the newest seq, which may pass the head read at the end when the ticker could not be stopped.
  const expected = lane.newest - lane.after;
  const met =
    lane.newest >= head && lane.received === expected && lane.missing.count === 0 && lane.duplicates.count === 0 && lane.outOfOrder.count === 0;
  return {
    check: 'every seq exactly once, in order',
    lane: LANE_LABELS[lane.kind],
    value:
      `${lane.received} of seqs ${lane.after + 1}–${lane.newest}, ${lane.missing.count} missing, ${lane.duplicates.count} duplicated, ` +
      `${lane.outOfOrder.count} out of order`,
    target: `all, up to at least ${head}`,
    met,
    exact: true,
  };
}

function latencyCheck(lane: Lane, figures: LabFigures): Check | undefined {
  if (lane.kind === 'poll') {
    const expected = figures.settings.pollIntervalMs / 2 + (figures.clock?.rttMs ?? 0);
    const low = expected * (1 - POLL_TOLERANCE);
    const high = expected * (1 + POLL_TOLERANCE);
    return {
      check: 'mean latency ≈ interval / 2 + round trip',
      lane: LANE_LABELS[lane.kind],
      value: ms(lane.latency.mean),
      target: `${ms(low)} to ${ms(high)}`,
      met: lane.latency.mean >= low && lane.latency.mean <= high,
      exact: false,
    };
  }
  const limit = PUSH_P50_MS[lane.kind];
  if (limit === undefined) return undefined;
  return {
    check: 'p50 latency',
    lane: LANE_LABELS[lane.kind],
    value: ms(lane.latency.p50),
    target: `< ${limit} ms`,
    met: lane.latency.p50 < limit,
    exact: false,
  };
}

function faultChecks(lane: Lane): Check[] {
  return lane.faults.map((fault) => ({
    check: `after ${fault.name}: nothing lost or duplicated`,
    lane: LANE_LABELS[lane.kind],
    value: `${fault.lost} lost, ${fault.duplicated} duplicated, ${fault.recoveredMs === null ? 'not recovered' : `recovered in ${ms(fault.recoveredMs)}`}`,
    target: '0 lost, 0 duplicated',
    met: fault.lost === 0 && fault.duplicated === 0,
    exact: true,
  }));
}

export function fidelityChecks(figures: LabFigures, head: number): Check[] {
  return figures.lanes.flatMap((lane) => {
    const latency = latencyCheck(lane, figures);
    return [deliveryCheck(lane, head), ...(latency ? [latency] : []), ...faultChecks(lane)];
  });
}

export const exactDeliveryHeld = (checks: readonly Check[]) => checks.every((c) => c.met || !c.exact);
