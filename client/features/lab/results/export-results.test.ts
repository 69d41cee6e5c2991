import { describe, expect, it } from 'vitest';
import type { LabFigures } from '../lanes/lab-run';
import { LaneRecorder } from '../metrics/lane-recorder';
import { resultsToCsv, resultsToJson } from './export-results';

const T0 = 1_700_000_000_000;

function figures(): LabFigures {
  const sse = new LaneRecorder('sse', 0);
  sse.change({ seq: 1, at: T0 }, T0 + 4);
  sse.change({ seq: 3, at: T0 }, T0 + 6);
  sse.markFault('drop', T0 + 10, 3);
  const idle = new LaneRecorder('poll', 0);
  return {
    at: T0,
    clock: { offsetMs: 0, rttMs: 1, samples: 7 },
    settings: { pollIntervalMs: 1000, longPollWaitS: 25 },
    lanes: [
      { ...sse.figures(), enabled: true, offline: false, bytesCounted: 'frames, "as sent"' },
      { ...idle.figures(), enabled: true, offline: false, bytesCounted: 'answers' },
    ],
  };
}

describe('lab results export', () => {
  it('writes one CSV row per lane, quoting text that needs it and leaving absent figures empty', () => {
    const lines = resultsToCsv(figures()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^lane,received,missing,duplicates,out_of_order,latency_p50_ms/);
    expect(lines[1]).toContain('Server-Sent Events,2,1,0,0,4,6,6,6,5,');
    expect(lines[1]).toContain('drop: not recovered, lost 0, duplicated 0');
    expect(lines[1]).toContain('"frames, ""as sent"""');
    expect(lines[2]).toMatch(/^Short polling,0,0,0,0,,,,,,0,/);
  });

  it('writes JSON with a format tag and null where there is no value', () => {
    const parsed = JSON.parse(resultsToJson(figures(), null)) as { format: string; figures: LabFigures };
    expect(parsed.format).toBe('switchboard-lab/1');
    expect(parsed.figures.lanes[0]!.missing).toEqual({ count: 1, seqs: [2] });
    expect(parsed.figures.lanes[1]!.latency.p50).toBeNull();
  });
});
