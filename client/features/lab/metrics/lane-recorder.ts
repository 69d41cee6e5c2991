// Everything one lane reported, turned into the figures the page and the headless runner show. It listens to a
// lane (it is a LaneListener) and knows nothing of transports, so every lane is judged by the same rules.
import type { LaneChange, LaneKind, LaneListener, LaneState } from '../lanes/lane-types';
import { EMPTY_DISTRIBUTION, Samples, type Distribution } from './samples';
import { SequenceTracker, type SequenceFigures } from './sequence-tracker';

/** Per-second latency points kept for the chart. */
export const SERIES_SECONDS = 300;

export interface SeriesPoint {
  /** Whole second (ms since the epoch, local clock) the arrivals fell in. */
  t: number;
  count: number;
  meanMs: number;
  maxMs: number;
}

export interface FaultOutcome {
  name: string;
  at: number;
  /** The feed's head when the fault began: recovery is the arrival of the first change after it. */
  headSeq: number;
  /** From the fault to the first change committed after it arriving; null until then. */
  recoveredMs: number | null;
  /** Missing and duplicated seqs that appeared since the fault. */
  lost: number;
  duplicated: number;
}

export interface LaneFigures extends SequenceFigures {
  kind: LaneKind;
  state: LaneState;
  /** The first seq expected is `after + 1`. */
  after: number;
  latency: Distribution;
  requests: number;
  frames: number;
  bytes: number;
  /** Answers or frames that carried no change. */
  empty: number;
  requestsPerEvent: number;
  bytesPerEvent: number;
  reconnects: number;
  lastError: string | null;
  faults: FaultOutcome[];
}

interface OpenFault {
  name: string;
  at: number;
  headSeq: number;
  recoveredMs: number | null;
  missingBefore: number;
  duplicatesBefore: number;
}

export class LaneRecorder implements LaneListener {
  private tracker: SequenceTracker;
  private latency = new Samples();
  private series: SeriesPoint[] = [];
  private requests = 0;
  private frames = 0;
  private bytes = 0;
  private empty = 0;
  private reconnects = 0;
  private lastError: string | null = null;
  private faults: OpenFault[] = [];
  private currentState: LaneState = 'idle';

  /**
   * @param after the seq the lane starts after
   * @param clockOffsetMs server clock minus local clock, added to arrival times so latency is on one clock
   */
  constructor(
    readonly kind: LaneKind,
    private after: number,
    private clockOffsetMs = 0,
  ) {
    this.tracker = new SequenceTracker(after);
  }

  /** Starts counting afresh after `after`; the lane keeps running. */
  reset(after: number): void {
    this.after = after;
    this.tracker = new SequenceTracker(after);
    this.latency = new Samples();
    this.series = [];
    this.requests = this.frames = this.bytes = this.empty = this.reconnects = 0;
    this.lastError = null;
    this.faults = [];
  }

  setClockOffset(offsetMs: number): void {
    this.clockOffsetMs = offsetMs;
  }

  change(change: LaneChange, receivedAt: number): void {
    const verdict = this.tracker.accept(change.seq);
    if (verdict === 'duplicate') return; // a repeat says nothing new about delivery time
    const latencyMs = receivedAt + this.clockOffsetMs - change.at;
    this.latency.add(latencyMs);
    this.addToSeries(receivedAt, latencyMs);
    for (const fault of this.faults) {
      if (fault.recoveredMs === null && change.seq > fault.headSeq) fault.recoveredMs = receivedAt - fault.at;
    }
  }

  traffic(unit: 'request' | 'frame', bytes: number, empty: boolean): void {
    if (unit === 'request') this.requests += 1;
    else this.frames += 1;
    this.bytes += bytes;
    if (empty) this.empty += 1;
  }

  state(state: LaneState): void {
    this.currentState = state;
  }

  reconnect(): void {
    this.reconnects += 1;
  }

  error(message: string): void {
    this.lastError = message;
  }

  /** A fault starts now; its outcome is read from the figures. */
  markFault(name: string, at: number, headSeq: number): void {
    const figures = this.tracker.figures();
    this.faults.push({ name, at, headSeq, recoveredMs: null, missingBefore: figures.missing.count, duplicatesBefore: figures.duplicates.count });
  }

  seriesPoints(): readonly SeriesPoint[] {
    return this.series;
  }

  figures(): LaneFigures {
    const sequence = this.tracker.figures();
    const delivered = sequence.received;
    return {
      kind: this.kind,
      state: this.currentState,
      after: this.after,
      ...sequence,
      latency: delivered ? this.latency.distribution() : EMPTY_DISTRIBUTION,
      requests: this.requests,
      frames: this.frames,
      bytes: this.bytes,
      empty: this.empty,
      requestsPerEvent: delivered ? this.requests / delivered : Number.NaN,
      bytesPerEvent: delivered ? this.bytes / delivered : Number.NaN,
      reconnects: this.reconnects,
      lastError: this.lastError,
      faults: this.faults.map((f) => ({
        name: f.name,
        at: f.at,
        headSeq: f.headSeq,
        recoveredMs: f.recoveredMs,
        lost: sequence.missing.count - f.missingBefore,
        duplicated: sequence.duplicates.count - f.duplicatesBefore,
      })),
    };
  }

  private addToSeries(receivedAt: number, latencyMs: number): void {
    const t = Math.floor(receivedAt / 1000) * 1000;
    const last = this.series[this.series.length - 1];
    if (last && last.t === t) {
      last.meanMs += (latencyMs - last.meanMs) / (last.count + 1);
      last.count += 1;
      last.maxMs = Math.max(last.maxMs, latencyMs);
      return;
    }
    this.series.push({ t, count: 1, meanMs: latencyMs, maxMs: latencyMs });
    if (this.series.length > SERIES_SECONDS) this.series.shift();
  }
}
