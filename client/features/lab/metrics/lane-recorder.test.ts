import { describe, expect, it } from 'vitest';
import { LaneRecorder } from './lane-recorder';

const T0 = 1_700_000_000_000;

describe('LaneRecorder', () => {
  it('measures latency on the server clock and per delivered event costs', () => {
    const r = new LaneRecorder('poll', 0, 100); // the server clock is 100 ms ahead of ours
    r.change({ seq: 1, at: T0 }, T0 - 90); // arrives 10 ms after commit, on the server clock
    r.change({ seq: 2, at: T0 }, T0 - 70);
    r.traffic('request', 300, false);
    r.traffic('request', 100, true);
    const f = r.figures();
    expect(f.latency).toMatchObject({ count: 2, p50: 10, max: 30, mean: 20 });
    expect(f).toMatchObject({ requests: 2, empty: 1, bytes: 400, requestsPerEvent: 1, bytesPerEvent: 200 });
  });

  it('does not count a duplicate as a delivery', () => {
    const r = new LaneRecorder('sse', 0);
    r.change({ seq: 1, at: T0 }, T0 + 5);
    r.change({ seq: 1, at: T0 }, T0 + 500);
    expect(r.figures()).toMatchObject({ received: 1, duplicates: { count: 1 }, latency: { count: 1, max: 5 } });
  });

  it('reports per fault what was lost and duplicated since, and when the first later change arrived', () => {
    const r = new LaneRecorder('websocket', 0);
    r.change({ seq: 1, at: T0 }, T0);
    r.change({ seq: 1, at: T0 }, T0); // before the fault: not the fault's doing
    r.markFault('drop', T0 + 1000, 3);
    r.change({ seq: 3, at: T0 + 900 }, T0 + 1200); // at or before the fault's head: not yet recovered
    expect(r.figures().faults[0]).toMatchObject({ recoveredMs: null, lost: 1, duplicated: 0 });
    r.change({ seq: 4, at: T0 + 1300 }, T0 + 1350);
    r.change({ seq: 4, at: T0 + 1300 }, T0 + 1400);
    expect(r.figures().faults[0]).toMatchObject({ name: 'drop', recoveredMs: 350, lost: 1, duplicated: 1 });
    expect(r.figures().missing.seqs).toEqual([2]);
  });

  it('keeps one chart point per second with the mean and the max', () => {
    const r = new LaneRecorder('long_poll', 0);
    r.change({ seq: 1, at: T0 }, T0 + 10);
    r.change({ seq: 2, at: T0 }, T0 + 30);
    r.change({ seq: 3, at: T0 + 1000 }, T0 + 1005);
    expect(r.seriesPoints()).toEqual([
      { t: T0, count: 2, meanMs: 20, maxMs: 30 },
      { t: T0 + 1000, count: 1, meanMs: 5, maxMs: 5 },
    ]);
  });

  it('starts afresh on reset', () => {
    const r = new LaneRecorder('poll', 0);
    r.change({ seq: 1, at: T0 }, T0);
    r.traffic('request', 10, false);
    r.reset(1);
    r.change({ seq: 2, at: T0 }, T0);
    expect(r.figures()).toMatchObject({ after: 1, received: 1, requests: 0, bytes: 0, missing: { count: 0 } });
  });
});
