import { describe, expect, it, vi } from 'vitest';
import { changesPage as page, feedLaneFakes } from './lane-test-kit';
import { createLongPollLane } from './long-poll-lane';

const fakes = feedLaneFakes();

describe('long polling', () => {
  it('asks with `wait` and again as soon as each answer arrives, empty or not', async () => {
    const lane = createLongPollLane(fakes.env(), fakes.listener, { ...fakes.settings, longPollWaitS: 25 });
    lane.start(9);
    expect(fakes.calls[0]!.url).toBe('http://lab.test/api/orders/changes?after=9&wait=25');
    fakes.calls[0]!.resolve(page([]));
    await fakes.flush();
    expect(fakes.calls).toHaveLength(2);
    fakes.calls[1]!.resolve(page([10]));
    await fakes.flush();
    expect(fakes.calls[2]!.url).toContain('after=10&wait=25');
    lane.stop();
  });

  it('treats a cut connection as a failure and comes back after a backoff', async () => {
    const lane = createLongPollLane(fakes.env(), fakes.listener, fakes.settings);
    lane.start(0);
    fakes.calls[0]!.reject(new TypeError('fetch failed', { cause: new Error('other side closed') }));
    await fakes.flush();
    expect(fakes.listener.reports).toContainEqual({ type: 'error', message: 'fetch failed: other side closed' });
    await vi.advanceTimersByTimeAsync(250);
    expect(fakes.calls).toHaveLength(2);
    lane.stop();
  });
});
