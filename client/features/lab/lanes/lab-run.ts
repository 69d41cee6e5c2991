// One lab run: the chosen lanes started at the same point of the feed, each with its own recorder, plus the
// faults applied to them. Plain TypeScript shared by the page (through a hook) and the headless runner.
import type { FeedHead } from '../../../../server/contract/orders';
import { LaneRecorder, type LaneFigures, type SeriesPoint } from '../metrics/lane-recorder';
import { estimateClockOffset, type ClockOffset } from './clock-offset';
import { DEFAULT_LANE_SETTINGS, type CreateLane, type Lane, type LaneEnvironment, type LaneKind, type LaneSettings } from './lane-types';

export interface LabFigures {
  at: number;
  clock: ClockOffset | null;
  settings: LaneSettings;
  lanes: (LaneFigures & { enabled: boolean; offline: boolean; bytesCounted: string })[];
}

interface Running {
  lane: Lane;
  recorder: LaneRecorder;
  offline: boolean;
}

export async function readHead(env: LaneEnvironment): Promise<number> {
  const res = await env.fetch(`${env.baseUrl}/api/orders/changes/head`, { cache: 'no-store', credentials: 'include' });
  if (!res.ok) throw new Error(`GET /api/orders/changes/head answered ${res.status}`);
  return ((await res.json()) as FeedHead).head_seq;
}

export class LabRun {
  private readonly running = new Map<LaneKind, Running>();
  private clock: ClockOffset | null = null;
  private settings: LaneSettings;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly env: LaneEnvironment,
    private readonly factories: Record<LaneKind, CreateLane>,
    settings: Partial<LaneSettings> = {},
  ) {
    this.settings = { ...DEFAULT_LANE_SETTINGS, ...settings };
  }

  /** Measures the clock offset (once per run) and starts the lanes after the current head. */
  async start(kinds: readonly LaneKind[]): Promise<void> {
    this.clock ??= await estimateClockOffset(this.env);
    const head = await readHead(this.env);
    for (const kind of kinds) this.startLane(kind, head);
    this.emit();
  }

  async setEnabled(kind: LaneKind, enabled: boolean): Promise<void> {
    if (!enabled) {
      this.running.get(kind)?.lane.stop();
      this.running.delete(kind);
      this.emit();
      return;
    }
    if (this.running.has(kind)) return;
    await this.start([kind]);
  }

  /** The feed's newest seq now, for marking faults. */
  currentHead(): Promise<number> {
    return readHead(this.env);
  }

  isEnabled(kind: LaneKind): boolean {
    return this.running.has(kind);
  }

  isOffline(kind: LaneKind): boolean {
    return this.running.get(kind)?.offline ?? false;
  }

  setOffline(kind: LaneKind, offline: boolean, headSeq: number): void {
    const run = this.running.get(kind);
    if (!run || run.offline === offline) return;
    run.offline = offline;
    // Going offline is the fault; recovery counts from coming back, when the lane can catch up again.
    if (!offline) run.recorder.markFault('offline', this.env.now(), headSeq);
    run.lane.setOffline(offline);
    this.emit();
  }

  configure(settings: Partial<LaneSettings>): void {
    this.settings = { ...this.settings, ...settings };
    for (const { lane } of this.running.values()) lane.configure(settings);
    this.emit();
  }

  /** A fault that acts on the server (or on every lane) began at `at` (now unless given). */
  markFault(name: string, headSeq: number, at = this.env.now()): void {
    for (const { recorder } of this.running.values()) recorder.markFault(name, at, headSeq);
    this.emit();
  }

  /** Counts start afresh after what each lane has already received. */
  reset(): void {
    for (const { recorder } of this.running.values()) recorder.reset(recorder.figures().newest);
    this.emit();
  }

  figures(): LabFigures {
    return {
      at: this.env.now(),
      clock: this.clock,
      settings: this.settings,
      lanes: [...this.running.values()].map(({ lane, recorder, offline }) => ({
        ...recorder.figures(),
        enabled: true,
        offline,
        bytesCounted: lane.bytesCounted,
      })),
    };
  }

  series(kind: LaneKind): readonly SeriesPoint[] {
    return this.running.get(kind)?.recorder.seriesPoints() ?? [];
  }

  /** Called when lanes are started, stopped or reconfigured (not per event: readers poll `figures`). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const { lane } of this.running.values()) lane.stop();
    this.running.clear();
    this.emit();
  }

  private startLane(kind: LaneKind, head: number): void {
    if (this.running.has(kind)) return;
    const recorder = new LaneRecorder(kind, head, this.clock?.offsetMs ?? 0);
    const lane = this.factories[kind](this.env, recorder, this.settings);
    this.running.set(kind, { lane, recorder, offline: false });
    lane.start(head);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
