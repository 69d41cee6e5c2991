import { describe, expect, it, vi } from 'vitest';
import { changesPage as page, feedLaneFakes } from './lane-test-kit';
import { createPollLane } from './poll-lane';
import { answerBytes } from './traffic-bytes';

const fakes = feedLaneFakes();

describe('short polling', () => {
  it('asks after the newest seq, pauses between answers, and sends the last ETag back', async () => {
    const lane = createPollLane(fakes.env(), fakes.listener, fakes.settings);
    lane.start(5);
    expect(fakes.calls[0]!.url).toBe('http://lab.test/api/orders/changes?after=5');
    expect(fakes.calls[0]!.headers.has('if-none-match')).toBe(false);
    const first = page([6, 7], { etag: 'W/"a"' });
    fakes.calls[0]!.resolve(first.clone());
    await fakes.flush();
    expect(fakes.listener.seqs()).toEqual([6, 7]);
    expect(fakes.listener.reports).toContainEqual({ type: 'traffic', unit: 'request', bytes: answerBytes(first, await first.text()), empty: false });
    await vi.advanceTimersByTimeAsync(999);
    expect(fakes.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fakes.calls[1]!.url).toContain('after=7');
    expect(fakes.calls[1]!.headers.get('if-none-match')).toBe('W/"a"');
    fakes.calls[1]!.resolve(new Response(null, { status: 304 }));
    await fakes.flush();
    expect(fakes.listener.reports.at(-1)).toEqual({ type: 'state', state: 'open' });
    expect(fakes.listener.reports.filter((r) => r.type === 'traffic').map((r) => r.type === 'traffic' && r.empty)).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fakes.calls[2]!.headers.get('if-none-match')).toBe('W/"a"');
    lane.stop();
  });

  it('asks again at once while more is waiting, and reports repeats as they came', async () => {
    const lane = createPollLane(fakes.env(), fakes.listener, fakes.settings);
    lane.start(0);
    fakes.calls[0]!.resolve(page([1, 1, 2], { hasMore: true }));
    await fakes.flush();
    expect(fakes.calls).toHaveLength(2);
    expect(fakes.calls[1]!.url).toContain('after=2');
    expect(fakes.listener.seqs()).toEqual([1, 1, 2]);
    lane.stop();
  });

  it('applies a new interval to a pause already under way', async () => {
    const lane = createPollLane(fakes.env(), fakes.listener, { ...fakes.settings, pollIntervalMs: 30_000 });
    lane.start(0);
    fakes.calls[0]!.resolve(page([]));
    await vi.advanceTimersByTimeAsync(100);
    lane.configure({ pollIntervalMs: 250 });
    await vi.advanceTimersByTimeAsync(149);
    expect(fakes.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fakes.calls).toHaveLength(2);
    lane.stop();
  });

  it('backs off after a failure and counts a reconnect when an answer comes again', async () => {
    const lane = createPollLane(fakes.env(), fakes.listener, fakes.settings);
    lane.start(0);
    fakes.calls[0]!.reject(new TypeError('fetch failed'));
    await fakes.flush();
    expect(fakes.listener.states()).toEqual(['connecting', 'reconnecting']);
    expect(fakes.listener.reports).toContainEqual({ type: 'error', message: 'fetch failed' });
    await vi.advanceTimersByTimeAsync(250);
    fakes.calls[1]!.resolve(new Response('{}', { status: 503 }));
    await fakes.flush();
    await vi.advanceTimersByTimeAsync(500);
    fakes.calls[2]!.resolve(page([1]));
    await fakes.flush();
    expect(fakes.listener.count('reconnect')).toBe(1);
    expect(fakes.listener.states().at(-1)).toBe('open');
    expect(fakes.listener.seqs()).toEqual([1]);
    lane.stop();
  });

  it('makes no request offline, resumes after the newest seq, and reports nothing after stop', async () => {
    const lane = createPollLane(fakes.env(), fakes.listener, fakes.settings);
    lane.start(3);
    fakes.calls[0]!.resolve(page([4]));
    await vi.advanceTimersByTimeAsync(1000);
    lane.setOffline(true);
    expect(fakes.calls[1]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fakes.calls).toHaveLength(2);
    lane.setOffline(false);
    expect(fakes.calls[2]!.url).toContain('after=4');
    fakes.calls[2]!.resolve(page([5]));
    await fakes.flush();
    expect(fakes.listener.count('reconnect')).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    lane.stop();
    const reported = fakes.listener.reports.length;
    fakes.calls[3]!.resolve(page([6]));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fakes.listener.reports.length).toBe(reported);
    expect(fakes.listener.states().at(-1)).toBe('stopped');
  });
});
