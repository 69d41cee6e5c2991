// The four lanes against a real server under Node, in one run: every seq exactly once and in order while orders
// are written, through the drop fault (connections cut mid-stream) and an offline spell on every lane.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabRun } from '../../client/features/lab/lanes/lab-run';
import { LANE_FACTORIES } from '../../client/features/lab/lanes/lane-factories';
import { DELIVERY_TRANSPORTS, type DropResult } from '../contract/lab.js';
import { buildTestApp, listen, loginAdmin, sleep, type TestApp, writeOrder } from '../test/helpers.js';
import { waitForLanes } from './headless/catch-up.js';
import { createNodeSession } from './headless/node-environment.js';

let t: TestApp;
let run: LabRun;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  const url = await listen(t.app);
  admin = await loginAdmin(t.app);
  const { env } = await createNodeSession(url);
  run = new LabRun(env, LANE_FACTORIES, { pollIntervalMs: 100, longPollWaitS: 5 });
  await run.start(DELIVERY_TRANSPORTS);
});
afterAll(async () => {
  run?.stop();
  await t?.close();
});

/** Writes `count` orders a few milliseconds apart, as a busy ticker would, while `during` runs. */
async function writeWhile(count: number, during: () => Promise<void> = async () => undefined): Promise<number> {
  const writes = (async () => {
    for (let i = 0; i < count; i++) {
      await writeOrder(t.app);
      await sleep(3);
    }
  })();
  await during();
  await writes;
  return t.app.orders.head();
}

async function expectAllDelivered(head: number): Promise<void> {
  expect(await waitForLanes(run, head, 8000)).toBe(true);
  for (const lane of run.figures().lanes) {
    expect({ kind: lane.kind, received: lane.received, newest: lane.newest }).toEqual({ kind: lane.kind, received: head - lane.after, newest: head });
    expect({ kind: lane.kind, missing: lane.missing.count, duplicates: lane.duplicates.count, outOfOrder: lane.outOfOrder.count }).toEqual({
      kind: lane.kind,
      missing: 0,
      duplicates: 0,
      outOfOrder: 0,
    });
  }
}

describe('the four lanes under Node', () => {
  it('each gets every seq once and in order while orders are written', async () => {
    const head = await writeWhile(60);
    await expectAllDelivered(head);
    const lanes = run.figures().lanes;
    expect(lanes.map((l) => l.kind).sort()).toEqual([...DELIVERY_TRANSPORTS].sort());
    for (const lane of lanes) {
      expect(lane.state).toBe('open');
      expect(lane.bytes).toBeGreaterThan(0);
      expect(lane.latency.count).toBe(lane.received);
    }
  });

  it('each recovers from the drop fault with nothing lost or repeated', async () => {
    let dropped: DropResult | undefined;
    const head = await writeWhile(80, async () => {
      await sleep(80);
      const before = t.app.orders.head();
      const res = await t.app.inject({ method: 'POST', url: '/api/lab/faults/drop', headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
      dropped = res.json<DropResult>();
      run.markFault('drop', before);
    });
    expect(dropped).toMatchObject({ sse: 1, sockets: 1 });
    await expectAllDelivered(head);
    for (const lane of run.figures().lanes) {
      expect(lane.faults).toEqual([expect.objectContaining({ name: 'drop', lost: 0, duplicated: 0, recoveredMs: expect.any(Number) })]);
      if (lane.kind === 'sse' || lane.kind === 'websocket') expect(lane.reconnects).toBeGreaterThanOrEqual(1);
    }
  });

  it('each catches up after an offline spell with nothing lost', async () => {
    const wentOffline = t.app.orders.head();
    for (const kind of DELIVERY_TRANSPORTS) run.setOffline(kind, true, wentOffline);
    expect(run.figures().lanes.every((l) => l.offline && l.state === 'offline')).toBe(true);
    const offlineFrom = run.figures().lanes.map((l) => l.newest);
    const head = await writeWhile(20);
    await sleep(150);
    expect(run.figures().lanes.map((l) => l.newest)).toEqual(offlineFrom);
    // Recovery is then the first change written while offline arriving after coming back.
    for (const kind of DELIVERY_TRANSPORTS) run.setOffline(kind, false, wentOffline);
    await expectAllDelivered(head);
    for (const lane of run.figures().lanes) {
      expect(lane.faults.at(-1)).toMatchObject({ name: 'offline', lost: 0, duplicated: 0, recoveredMs: expect.any(Number) });
    }
  });
});
