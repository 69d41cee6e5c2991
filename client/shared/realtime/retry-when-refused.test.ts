import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamState } from './event-stream-types';
import { retryWhenRefused } from './retry-when-refused';
import type { StreamRole } from './shared-event-stream';

function fakeStream(role: StreamRole = 'leader') {
  let state: StreamState = 'open';
  const listeners = new Set<() => void>();
  return {
    reconnect: vi.fn(),
    getStatus: () => ({ state, role }),
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

afterEach(() => {
  vi.useRealTimers();
});

describe('retryWhenRefused', () => {
  it('asks first, then reopens after a growing delay while the answer is yes', async () => {
    vi.useFakeTimers();
    const stream = fakeStream();
    const mayRetry = vi.fn(async () => true);
    retryWhenRefused(stream, mayRetry, [100, 1000]);
    stream.set('refused');
    await vi.advanceTimersByTimeAsync(99);
    expect(stream.reconnect).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.reconnect).toHaveBeenCalledTimes(1);
    stream.set('refused');
    await vi.advanceTimersByTimeAsync(999);
    expect(stream.reconnect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stream.reconnect).toHaveBeenCalledTimes(2);
    expect(mayRetry).toHaveBeenCalledTimes(2);
  });

  it('does not retry once signed out, and only the tab holding the stream acts', async () => {
    vi.useFakeTimers();
    const signedOut = fakeStream();
    retryWhenRefused(signedOut, async () => false, [10]);
    signedOut.set('refused');
    const follower = fakeStream('follower');
    const mayRetry = vi.fn(async () => true);
    retryWhenRefused(follower, mayRetry, [10]);
    follower.set('refused');
    await vi.advanceTimersByTimeAsync(100);
    expect(signedOut.reconnect).not.toHaveBeenCalled();
    expect(mayRetry).not.toHaveBeenCalled();
  });

  it('starts the delays over after a successful open, and stops when told', async () => {
    vi.useFakeTimers();
    const stream = fakeStream();
    const stop = retryWhenRefused(stream, async () => true, [10, 1000]);
    stream.set('refused');
    await vi.advanceTimersByTimeAsync(10);
    stream.set('open');
    stream.set('refused');
    await vi.advanceTimersByTimeAsync(10);
    expect(stream.reconnect).toHaveBeenCalledTimes(2);
    stream.set('refused');
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(stream.reconnect).toHaveBeenCalledTimes(2);
  });
});
