import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANE_SETTINGS, type EventSourceLike } from './lane-types';
import { change, fakeEnvironment, recordingListener, type RecordingListener } from './lane-test-kit';
import { createSseLane } from './sse-lane';
import { sseEventBytes } from './traffic-bytes';

type Handler = (event: { data: string; lastEventId: string }) => void;

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, Handler[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, handler: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as never);
  }
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.({ message: 'Non-200 status code (401)' } as never);
  }
  send(seq: number): void {
    for (const handler of this.handlers.get('change') ?? []) handler({ data: JSON.stringify(change(seq)), lastEventId: String(seq) });
  }
}

let sources: FakeEventSource[];
let listener: RecordingListener;
const lane = () =>
  createSseLane(
    fakeEnvironment({
      createEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
    }),
    listener,
    DEFAULT_LANE_SETTINGS,
  );

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  listener = recordingListener();
});
afterEach(() => vi.useRealTimers());

describe('SSE lane', () => {
  it('counts each event as framed, reports repeats as they came, and a reopen after an error as a reconnect', () => {
    const l = lane();
    l.start(4);
    const es = sources[0]!;
    expect(es.url).toBe('http://lab.test/api/orders/stream?after=4');
    es.open();
    es.send(5);
    es.send(5);
    expect(listener.seqs()).toEqual([5, 5]);
    const bytes = sseEventBytes('change', '5', JSON.stringify(change(5)));
    expect(listener.reports).toContainEqual({ type: 'traffic', unit: 'frame', bytes, empty: false });
    expect(listener.reports.filter((r) => r.type === 'traffic' && r.unit === 'request')).toHaveLength(1);
    es.fail(0); // EventSource retries on its own, with Last-Event-ID
    es.open();
    expect(sources).toHaveLength(1);
    expect(listener.count('reconnect')).toBe(1);
    expect(listener.states()).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    l.stop();
  });

  it('opens a new stream after the newest seq when EventSource gives up', async () => {
    const l = lane();
    l.start(0);
    sources[0]!.open();
    sources[0]!.send(1);
    sources[0]!.send(2);
    sources[0]!.fail(2);
    expect(sources[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(sources[1]!.url).toContain('after=2');
    sources[1]!.open();
    expect(listener.count('reconnect')).toBe(1);
    l.stop();
  });

  it('closes offline, resumes after the newest seq, and hears nothing after stop', () => {
    const l = lane();
    l.start(0);
    sources[0]!.open();
    sources[0]!.send(1);
    l.setOffline(true);
    expect(sources[0]!.closed).toBe(true);
    expect(listener.states().at(-1)).toBe('offline');
    l.setOffline(false);
    expect(sources[1]!.url).toContain('after=1');
    l.stop();
    const reported = listener.reports.length;
    sources[1]!.open();
    sources[1]!.send(2);
    expect(listener.reports.length).toBe(reported);
    expect(sources[1]!.closed).toBe(true);
  });
});
