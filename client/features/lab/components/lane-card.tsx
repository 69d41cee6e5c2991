// One lane, live: its state, its controls, its figures and its latency chart. Anything that should be zero and
// is not stands out; how the lane counts bytes is written under it, so the figures can be judged.
import type { LabFigures } from '../lanes/lab-run';
import { LANE_LABELS, type LaneKind, type LaneState } from '../lanes/lane-types';
import type { SeriesPoint } from '../metrics/lane-recorder';
import { FaultOutcomes } from './fault-outcomes';
import { LaneControls } from './lane-controls';
import { LaneFiguresList } from './lane-figures';
import { LatencyChart } from './latency-chart';

type LaneView = LabFigures['lanes'][number];

const STATE_TEXT: Record<LaneState, string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  open: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  stopped: 'Stopped',
};

interface LaneCardProps {
  kind: LaneKind;
  lane: LaneView | undefined;
  /** The lane's "offline" toggle, as chosen (the run takes it a moment later). */
  offline: boolean;
  points: readonly SeriesPoint[];
  readAt: number;
  /** Expected mean latency for polling lanes. */
  theoryMs?: number;
}

export function LaneCard({ kind, lane, offline, points, readAt, theoryMs }: LaneCardProps) {
  const label = LANE_LABELS[kind];
  const state: LaneState = lane ? (offline ? 'offline' : lane.state) : 'stopped';
  const troubled = lane && lane.missing.count + lane.duplicates.count + lane.outOfOrder.count > 0;
  return (
    <section className={troubled ? 'card lab-lane lab-lane-troubled' : 'card lab-lane'} aria-label={label} data-lane={kind}>
      <header className="lab-lane-header">
        <h2>{label}</h2>
        <span className={`lab-state lab-state-${state}`} data-state={state}>
          <span className="status-dot" aria-hidden="true" />
          {STATE_TEXT[state]}
        </span>
      </header>
      <LaneControls kind={kind} label={label} />
      {lane ? (
        <>
          <LaneFiguresList lane={lane} />
          <FaultOutcomes faults={lane.faults} />
          <LatencyChart label={label} points={points} readAt={readAt} theoryMs={theoryMs} />
          {lane.lastError && <p className="lab-lane-error">Last error: {lane.lastError}</p>}
          <p className="lab-lane-note">Bytes: {lane.bytesCounted}</p>
        </>
      ) : (
        <p className="lab-lane-note">Not running. Tick “Run” to start it at the current head of the feed.</p>
      )}
    </section>
  );
}
