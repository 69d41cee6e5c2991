import { beforeEach, describe, expect, it } from 'vitest';
import { measured, useRequestCostStore } from './request-cost-store';

const headers = (timing?: string) => new Headers(timing ? { 'Server-Timing': timing } : {});
const dbMs = (h: Headers) => (h.get('server-timing') ? Number(h.get('server-timing')?.split(/[=,]/)[1]) : undefined);

beforeEach(() => useRequestCostStore.getState().reset());

describe('request cost', () => {
  it('counts requests, rows and server time per channel', async () => {
    await measured('pages', async () => ({ data: [1, 2, 3], headers: headers('db;dur=2.5') }), (d) => d.length, dbMs);
    await measured('pages', async () => ({ data: [4], headers: headers('db;dur=1') }), (d) => d.length, dbMs);
    await measured('pages', async () => ({ data: [5], headers: headers('db;dur=0, cache;desc="hit"') }), (d) => d.length, dbMs);
    await measured('feed', async () => ({ data: [], headers: headers() }), (d) => d.length, dbMs);
    const { pages, feed, infinite } = useRequestCostStore.getState().costs;
    expect(pages).toEqual({ requests: 3, rows: 5, reused: 1, lastServerMs: 0, totalServerMs: 3.5 });
    expect(feed).toEqual({ requests: 1, rows: 0, reused: 0, lastServerMs: undefined, totalServerMs: undefined });
    expect(infinite.requests).toBe(0);
  });

  it('counts failed requests too', async () => {
    await expect(measured('infinite', () => Promise.reject(new Error('down')), () => 0, dbMs)).rejects.toThrow('down');
    expect(useRequestCostStore.getState().costs.infinite).toMatchObject({ requests: 1, rows: 0 });
  });
});
