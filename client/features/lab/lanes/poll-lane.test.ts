import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANE_SETTINGS } from './lane-types';
import { changesPage as page, fakeEnvironment, fakeFetch, recordingListener, type FetchCall, type RecordingListener } from './lane-test-kit';
import { createPollLane } from './poll-lane';
import { answerBytes } from './traffic-bytes';

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

describe('short polling', () => {
  it('asks after the newest seq, pauses between answers, and sends the last ETag back', async () => {
    const lane = createPollLane(env(), listener, settings);
    lane.start(5);
    expect(calls[0]!.url).toBe('http://lab.test/api/orders/changes?after=5');
    expect(calls[0]!.headers.has('if-none-match')).toBe(false);
    const first = page([6, 7], { etag: 'W/"a"' });
    calls[0]!.resolve(first.clone());
    await flush();
    expect(listener.seqs()).toEqual([6, 7]);
    expect(listener.reports).toContainEqual({ type: 'traffic', unit: 'request', bytes: answerBytes(first, await first.text()), empty: false });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[1]!.url).toContain('after=7');
    expect(calls[1]!.headers.get('if-none-match')).toBe('W/"a"');
    calls[1]!.resolve(new Response(null, { status: 304 }));
    await flush();
    expect(listener.reports.at(-1)).toEqual({ type: 'state', state: 'open' });
    expect(listener.reports.filter((r) => r.type === 'traffic').map((r) => r.type === 'traffic' && r.empty)).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[2]!.headers.get('if-none-match')).toBe('W/"a"');
    lane.stop();
  });

  it('asks again at once while more is waiting, and reports repeats as they came', async () => {
    const lane = createPollLane(env(), listener, settings);
    lane.start(0);
    calls[0]!.resolve(page([1, 1, 2], { hasMore: true }));
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toContain('after=2');
    expect(listener.seqs()).toEqual([1, 1, 2]);
    lane.stop();
  });

  it('applies a new interval to a pause already under way', async () => {
    const lane = createPollLane(env(), listener, { ...settings, pollIntervalMs: 30_000 });
    lane.start(0);
    calls[0]!.resolve(page([]));
    await vi.advanceTimersByTimeAsync(100);
    lane.configure({ pollIntervalMs: 250 });
    await vi.advanceTimersByTimeAsync(149);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    lane.stop();
  });

  it('backs off after a failure and counts a reconnect when an answer comes again', async () => {
    const lane = createPollLane(env(), listener, settings);
    lane.start(0);
    calls[0]!.reject(new TypeError('fetch failed'));
    await flush();
    expect(listener.states()).toEqual(['connecting', 'reconnecting']);
    expect(listener.reports).toContainEqual({ type: 'error', message: 'fetch failed' });
    await vi.advanceTimersByTimeAsync(250);
    calls[1]!.resolve(new Response('{}', { status: 503 }));
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    calls[2]!.resolve(page([1]));
    await flush();
    expect(listener.count('reconnect')).toBe(1);
    expect(listener.states().at(-1)).toBe('open');
    expect(listener.seqs()).toEqual([1]);
    lane.stop();
  });

  it('makes no request offline, resumes after the newest seq, and reports nothing after stop', async () => {
    const lane = createPollLane(env(), listener, settings);
    lane.start(3);
    calls[0]!.resolve(page([4]));
    await vi.advanceTimersByTimeAsync(1000);
    lane.setOffline(true);
    expect(calls[1]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    lane.setOffline(false);
    expect(calls[2]!.url).toContain('after=4');
    calls[2]!.resolve(page([5]));
    await flush();
    expect(listener.count('reconnect')).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    lane.stop();
    const reported = listener.reports.length;
    calls[3]!.resolve(page([6]));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(listener.reports.length).toBe(reported);
    expect(listener.states().at(-1)).toBe('stopped');
  });
});
