// Latency runs from the server's commit time to arrival in the client, two clocks apart. The offset between them
// comes from round trips to GET /api/time: offset ≈ server now − (sent + received) / 2, taken from the round trip
// with the least time in flight, where the midpoint guess can be wrong by at most half of it.
import type { ServerTime } from '../../../../server/contract/lab';
import type { LaneEnvironment } from './lane-types';

export interface ClockOffset {
  /** Server clock minus local clock, in ms: add it to a local time to get server time. */
  offsetMs: number;
  /** The round trip the estimate came from; the offset is within ± half of it. */
  rttMs: number;
  samples: number;
}

export async function estimateClockOffset(env: LaneEnvironment, samples = 7): Promise<ClockOffset> {
  let best: ClockOffset | undefined;
  for (let i = 0; i < samples; i++) {
    const sent = env.now();
    const res = await env.fetch(`${env.baseUrl}/api/time`, { cache: 'no-store', credentials: 'include' });
    if (!res.ok) throw new Error(`GET /api/time answered ${res.status}`);
    const { now } = (await res.json()) as ServerTime;
    const received = env.now();
    const rttMs = received - sent;
    if (!best || rttMs < best.rttMs) best = { offsetMs: now - (sent + received) / 2, rttMs, samples };
  }
  if (!best) throw new Error('no clock sample');
  return best;
}
