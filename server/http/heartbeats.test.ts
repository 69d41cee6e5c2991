import { afterEach, describe, expect, it, vi } from 'vitest';
import { Heartbeats } from './heartbeats.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('heartbeats', () => {
  it('beats only the streams that were silent since the last tick, from one timer', () => {
    vi.useFakeTimers();
    const heartbeats = new Heartbeats(200);
    const beaten: string[] = [];
    const busy = heartbeats.add({ beat: () => beaten.push('busy') });
    // A beat is a write: it marks the stream active, as the stream's own writes do.
    const idle = heartbeats.add({
      beat: () => {
        beaten.push('idle');
        idle.active = true;
      },
    });
    expect(vi.getTimerCount()).toBe(1);
    for (let tick = 0; tick < 4; tick += 1) {
      busy.active = true; // a write before every tick
      vi.advanceTimersByTime(100);
    }
    // Both start active (the stream just wrote its headers): the idle one beats at the second tick, then every other.
    expect(beaten).toEqual(['idle', 'idle']);
  });

  it('stops its timer when the last stream leaves and starts it again for the next', () => {
    vi.useFakeTimers();
    const heartbeats = new Heartbeats(200);
    const first = heartbeats.add({ beat: () => {} });
    first.stop();
    expect(vi.getTimerCount()).toBe(0);
    let beats = 0;
    heartbeats.add({ beat: () => (beats += 1) });
    vi.advanceTimersByTime(200);
    expect(beats).toBe(1);
  });
});
