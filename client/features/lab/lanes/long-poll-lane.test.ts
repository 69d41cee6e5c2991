import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANE_SETTINGS } from './lane-types';
import { changesPage as page, fakeEnvironment, fakeFetch, recordingListener, type FetchCall, type RecordingListener } from './lane-test-kit';
import { createLongPollLane } from './long-poll-lane';

let calls: FetchCall[];
let listener: RecordingListener;
const env = () => fakeEnvironment({ fetch: fakeFetch(calls) });
const flush = () => vi.advanceTimersByTimeAsync(0);
const settings = { ...DEFAULT_LANE_SETTINGS, pollIntervalMs: 1000 };

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  listener = recordingListener();
});
afterEach(() => vi.useRealTimers());

describe('long polling', () => {
  it('asks with `wait` and again as soon as each answer arrives, empty or not', async () => {
    const lane = createLongPollLane(env(), listener, { ...settings, longPollWaitS: 25 });
    lane.start(9);
    expect(calls[0]!.url).toBe('http://lab.test/api/orders/changes?after=9&wait=25');
    calls[0]!.resolve(page([]));
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(page([10]));
    await flush();
    expect(calls[2]!.url).toContain('after=10&wait=25');
    lane.stop();
  });

  it('treats a cut connection as a failure and comes back after a backoff', async () => {
    const lane = createLongPollLane(env(), listener, settings);
    lane.start(0);
    calls[0]!.reject(new TypeError('fetch failed', { cause: new Error('other side closed') }));
    await flush();
    expect(listener.reports).toContainEqual({ type: 'error', message: 'fetch failed: other side closed' });
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(2);
    lane.stop();
  });
});
