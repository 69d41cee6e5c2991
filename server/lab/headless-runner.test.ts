// The headless runner's pure parts: its command line and the checks that decide its exit code.
import { describe, expect, it } from 'vitest';
import type { LabFigures } from '../../client/features/lab/lanes/lab-run';
import { LaneRecorder } from '../../client/features/lab/metrics/lane-recorder';
import { exactDeliveryHeld, fidelityChecks } from './headless/checks.js';
import { parseOptions } from './headless/options.js';

describe('parseOptions', () => {
  it('has defaults for a full run and reads every option', () => {
    expect(parseOptions([])).toMatchObject({ rate: 20, pollIntervalMs: 1000, longPollWaitS: 25, durationS: 30, url: undefined, faults: ['drop', 'stall'], out: 'lab-results' });
    const o = parseOptions(['--rate', '5', '--poll', '250', '--wait', '10', '--duration', '4', '--url', 'http://10.0.0.2:3000/', '--faults', 'none', '--lanes', 'sse,poll', '--admin-password', 'x']);
    expect(o).toMatchObject({ rate: 5, pollIntervalMs: 250, longPollWaitS: 10, durationS: 4, url: 'http://10.0.0.2:3000', faults: [], lanes: ['sse', 'poll'], adminPassword: 'x' });
  });

  it('refuses unknown lanes and faults, values out of range and stray options', () => {
    expect(() => parseOptions(['--lanes', 'carrier_pigeon'])).toThrow('--lanes: unknown "carrier_pigeon"');
    expect(() => parseOptions(['--faults', 'flood'])).toThrow('--faults: unknown "flood"');
    expect(() => parseOptions(['--rate', '501'])).toThrow('--rate must be a number from 0 to 500');
    expect(() => parseOptions(['--wait', '1.5'])).toThrow('--wait must be an integer');
    expect(() => parseOptions(['--url', 'localhost:3000'])).toThrow('--url must be');
    expect(() => parseOptions(['--user', 'ann'])).toThrow('--user and --password go together');
    expect(() => parseOptions(['--sped', '1'])).toThrow();
  });
});

const T0 = 1_700_000_000_000;
function figures(build: (poll: LaneRecorder, sse: LaneRecorder) => void): LabFigures {
  const poll = new LaneRecorder('poll', 10);
  const sse = new LaneRecorder('sse', 10);
  build(poll, sse);
  const lane = (r: LaneRecorder) => ({ ...r.figures(), enabled: true, offline: false, bytesCounted: '' });
  return { at: T0, clock: { offsetMs: 0, rttMs: 10, samples: 7 }, settings: { pollIntervalMs: 1000, longPollWaitS: 25 }, lanes: [lane(poll), lane(sse)] };
}

describe('fidelityChecks', () => {
  it('passes exact delivery and reports latency targets beside it', () => {
    const checks = fidelityChecks(
      figures((poll, sse) => {
        for (const seq of [11, 12]) poll.change({ seq, at: T0 }, T0 + 510);
        sse.markFault('drop', T0, 11);
        for (const seq of [11, 12]) sse.change({ seq, at: T0 }, T0 + 50);
      }),
      12,
    );
    expect(checks.map((c) => [c.lane, c.check, c.met])).toEqual([
      ['Short polling', 'every seq exactly once, in order', true],
      ['Short polling', 'mean latency ≈ interval / 2 + round trip', true],
      ['Server-Sent Events', 'every seq exactly once, in order', true],
      ['Server-Sent Events', 'p50 latency', false],
      ['Server-Sent Events', 'after drop: nothing lost or duplicated', true],
    ]);
    expect(exactDeliveryHeld(checks)).toBe(true);
  });

  it('fails the run on a gap, a repeat or a lane short of the head', () => {
    const gap = figures((poll, sse) => {
      poll.change({ seq: 12, at: T0 }, T0);
      for (const seq of [11, 12]) sse.change({ seq, at: T0 }, T0);
    });
    expect(exactDeliveryHeld(fidelityChecks(gap, 12))).toBe(false);
    const repeat = figures((poll, sse) => {
      for (const seq of [11, 12, 12]) poll.change({ seq, at: T0 }, T0);
      for (const seq of [11, 12]) sse.change({ seq, at: T0 }, T0);
    });
    expect(exactDeliveryHeld(fidelityChecks(repeat, 12))).toBe(false);
    const short = figures((poll, sse) => {
      for (const r of [poll, sse]) r.change({ seq: 11, at: T0 }, T0);
    });
    expect(exactDeliveryHeld(fidelityChecks(short, 12))).toBe(false);
  });
});
