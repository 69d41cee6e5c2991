import { describe, expect, it, vi } from 'vitest';
import type { StreamState } from './event-stream-types';
import { onResumed } from './on-resumed';

function fakeStream() {
  let state: StreamState = 'idle';
  const listeners = new Set<() => void>();
  return {
    getStatus: () => ({ state }),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: StreamState) {
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('onResumed', () => {
  it('fires when the stream is back after an interruption, not on the first open', () => {
    const stream = fakeStream();
    const resumed = vi.fn();
    onResumed(stream, resumed);
    stream.set('connecting');
    stream.set('open');
    expect(resumed).not.toHaveBeenCalled();
    stream.set('offline');
    stream.set('reconnecting');
    stream.set('open');
    expect(resumed).toHaveBeenCalledTimes(1);
  });

  it('treats a deliberate close as a fresh start', () => {
    const stream = fakeStream();
    const resumed = vi.fn();
    onResumed(stream, resumed);
    stream.set('open');
    stream.set('idle');
    stream.set('connecting');
    stream.set('open');
    expect(resumed).not.toHaveBeenCalled();
  });
});
