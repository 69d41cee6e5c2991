// What the runner does as an admin: set the ticker's rate and inject faults, through the same API the page uses.
import type { DropResult, LabStats, StallResult } from '../../contract/lab.js';
import type { FeedHead, TickerState } from '../../contract/orders.js';
import type { LaneEnvironment } from '../../../client/features/lab/lanes/lane-types';

export interface AdminClient {
  rate(): Promise<number>;
  setRate(rate: number): Promise<void>;
  drop(): Promise<DropResult>;
  stall(ms: number): Promise<StallResult>;
}

async function call<T>(env: LaneEnvironment, method: string, path: string, body?: object): Promise<T> {
  const res = await env.fetch(`${env.baseUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export function adminClient(env: LaneEnvironment): AdminClient {
  return {
    rate: async () => (await call<TickerState>(env, 'GET', '/api/ticker')).rate,
    setRate: async (rate) => {
      await call<TickerState>(env, 'PUT', '/api/ticker', { rate });
    },
    drop: () => call<DropResult>(env, 'POST', '/api/lab/faults/drop'),
    stall: (ms) => call<StallResult>(env, 'POST', '/api/lab/faults/stall', { ms }),
  };
}

/** Reads anyone signed in may make. */
export const feedHead = async (env: LaneEnvironment) => (await call<FeedHead>(env, 'GET', '/api/orders/changes/head')).head_seq;
export const labStats = (env: LaneEnvironment) => call<LabStats>(env, 'GET', '/api/lab/stats');
