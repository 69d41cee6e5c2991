// Keep-alive comments for every open event stream of a route, from one timer. A timer per stream re-armed on
// every write cost each stream a Timeout and each write a re-insertion into the timer list; thousands of idle
// streams need neither. The timer ticks every half interval and beats the streams that wrote nothing since the
// tick before, so no stream stays silent longer than the interval, and none gets a comment before half of it.

/** What beats: the stream itself, so an entry needs no closure of its own. */
export interface Beating {
  /** Sends the keep-alive comment. */
  beat(): void;
}

/** One stream's entry: `active` is set by every write and cleared at each tick. */
export class Heartbeat {
  active = true;
  constructor(
    readonly stream: Beating,
    private readonly owner: Heartbeats,
  ) {}
  stop(): void {
    this.owner.remove(this);
  }
}

export class Heartbeats {
  private readonly beating = new Set<Heartbeat>();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly intervalMs: number) {}

  /** Starts beating for a stream: its `beat()` is called after a silence. */
  add(stream: Beating): Heartbeat {
    const heartbeat = new Heartbeat(stream, this);
    this.beating.add(heartbeat);
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), Math.max(1, Math.floor(this.intervalMs / 2)));
      this.timer.unref();
    }
    return heartbeat;
  }

  remove(heartbeat: Heartbeat): void {
    this.beating.delete(heartbeat);
    if (this.beating.size === 0) this.close();
  }

  get size(): number {
    return this.beating.size;
  }

  /** Stops the timer; streams added later start it again. */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    for (const heartbeat of this.beating) {
      if (heartbeat.active) heartbeat.active = false;
      else heartbeat.stream.beat();
    }
  }
}
