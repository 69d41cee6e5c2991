import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangesPage, Order } from '../../../../server/contract/orders';
import { pollOrderChanges } from './poll-order-changes';

afterEach(() => {
  vi.unstubAllGlobals();
});

const order = (id: number): Order => ({ id, created_at: 0, updated_at: 0, customer: 'A', item: 'B', amount_cents: 1, status: 'pending', version: 1 });

function stubFeed(pages: ChangesPage[]) {
  const fetchMock = vi.fn(async () => Response.json(pages.shift(), { headers: { 'Server-Timing': 'db;dur=1' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('pollOrderChanges', () => {
  it('follows has_more from last_seq and hands over every change at once', async () => {
    const fetchMock = stubFeed([
      { data: [{ seq: 11, kind: 'created', order_id: 1, at: 0, order: order(1) }], meta: { last_seq: 11, has_more: true, head_seq: 12 } },
      { data: [{ seq: 12, kind: 'updated', order_id: 1, at: 0, order: order(1) }], meta: { last_seq: 12, has_more: false, head_seq: 12 } },
    ]);
    const onChanges = vi.fn();
    const position = await pollOrderChanges(10, { onChanges, onRestart: vi.fn() });
    expect(fetchMock.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      '/api/orders/changes?after=10&limit=1000',
      '/api/orders/changes?after=11&limit=1000',
    ]);
    expect(onChanges).toHaveBeenCalledTimes(1);
    expect(onChanges.mock.calls[0]?.[0]).toHaveLength(2);
    expect(position).toMatchObject({ lastSeq: 12, headSeq: 12, received: 2 });
  });

  it('stays put and reports nothing when the feed has not moved', async () => {
    stubFeed([{ data: [], meta: { last_seq: 7, has_more: false, head_seq: 7 } }]);
    const onChanges = vi.fn();
    expect(await pollOrderChanges(7, { onChanges, onRestart: vi.fn() })).toMatchObject({ lastSeq: 7, received: 0 });
    expect(onChanges).not.toHaveBeenCalled();
  });

  it('restarts from the head when the feed is behind the position (database replaced)', async () => {
    stubFeed([{ data: [], meta: { last_seq: 50, has_more: false, head_seq: 3 } }]);
    const onRestart = vi.fn();
    expect(await pollOrderChanges(50, { onChanges: vi.fn(), onRestart })).toMatchObject({ lastSeq: 3, headSeq: 3 });
    expect(onRestart).toHaveBeenCalledTimes(1);
  });
});
