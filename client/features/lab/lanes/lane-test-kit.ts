// For the lanes' unit tests: a listener that keeps every report in order, and an environment whose network
// primitives each test fakes as it needs.
import { afterEach, beforeEach, vi } from 'vitest';
import { DEFAULT_LANE_SETTINGS, type LaneChange, type LaneEnvironment, type LaneListener, type LaneState } from './lane-types';

export type Report =
  | { type: 'change'; seq: number }
  | { type: 'traffic'; unit: 'request' | 'frame'; bytes: number; empty: boolean }
  | { type: 'state'; state: LaneState }
  | { type: 'reconnect' }
  | { type: 'error'; message: string };

export interface RecordingListener extends LaneListener {
  reports: Report[];
  seqs(): number[];
  states(): LaneState[];
  count(type: Report['type']): number;
}

export function recordingListener(): RecordingListener {
  const reports: Report[] = [];
  return {
    reports,
    change: (change: LaneChange) => reports.push({ type: 'change', seq: change.seq }),
    traffic: (unit, bytes, empty) => reports.push({ type: 'traffic', unit, bytes, empty }),
    state: (state) => reports.push({ type: 'state', state }),
    reconnect: () => reports.push({ type: 'reconnect' }),
    error: (message) => reports.push({ type: 'error', message }),
    seqs: () => reports.flatMap((r) => (r.type === 'change' ? [r.seq] : [])),
    states: () => reports.flatMap((r) => (r.type === 'state' ? [r.state] : [])),
    count: (type) => reports.filter((r) => r.type === type).length,
  };
}

export function fakeEnvironment(parts: Partial<LaneEnvironment>): LaneEnvironment {
  const missing = (name: string) => () => {
    throw new Error(`${name} is not faked in this test`);
  };
  return {
    baseUrl: 'http://lab.test',
    fetch: missing('fetch'),
    createEventSource: missing('createEventSource'),
    createSocket: missing('createSocket'),
    now: () => Date.now(),
    ...parts,
  };
}

/** A change as the feed sends it; lanes read `seq` and `at` only. */
export const change = (seq: number) => ({ seq, kind: 'created', order_id: seq, at: 1_000, order: { id: seq } });

export interface FetchCall {
  url: string;
  headers: Headers;
  signal: AbortSignal;
  resolve(res: Response): void;
  reject(error: unknown): void;
}

/** A fetch whose every call waits for the test to answer it (or for its signal to abort it). */
export function fakeFetch(calls: FetchCall[]): typeof fetch {
  return ((input: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal!;
      signal.addEventListener('abort', () => reject(signal.reason));
      calls.push({ url: String(input), headers: new Headers(init.headers), signal, resolve, reject });
    })) as typeof fetch;
}

/** An answer of GET /api/orders/changes carrying `seqs`. */
export const changesPage = (seqs: number[], { hasMore = false, etag = 'W/"e"' } = {}) =>
  new Response(JSON.stringify({ data: seqs.map(change), meta: { last_seq: seqs.at(-1) ?? 0, has_more: hasMore, head_seq: 0 } }), {
    status: 200,
    headers: { etag },
  });

/**
 * What every feed-lane test starts from, fresh for each test: fake timers, a fake fetch recording its calls and a
 * recording listener. Read `calls` and `listener` through the returned object: they are replaced before each test.
 */
export function feedLaneFakes() {
  let calls: FetchCall[] = [];
  let listener = recordingListener();
  beforeEach(() => {
    vi.useFakeTimers();
    calls = [];
    listener = recordingListener();
  });
  afterEach(() => vi.useRealTimers());
  return {
    get calls() {
      return calls;
    },
    get listener() {
      return listener;
    },
    env: () => fakeEnvironment({ fetch: fakeFetch(calls) }),
    flush: () => vi.advanceTimersByTimeAsync(0),
    settings: { ...DEFAULT_LANE_SETTINGS, pollIntervalMs: 1000 },
  };
}
