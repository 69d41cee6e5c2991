import { afterEach, describe, expect, it } from 'vitest';
import { createProcessSampler, type ProcessSampler } from './process-sampler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let sampler: ProcessSampler | undefined;
afterEach(() => sampler?.stop());

describe('process sampler', () => {
  it('samples only while it is read: zeros at first, an interval later a reading, stopped once nobody reads', async () => {
    sampler = createProcessSampler(25, 150);
    expect(sampler.active()).toBe(false);
    expect(sampler.last()).toEqual({ cpuPercent: 0, eventLoopDelayMs: { p50: 0, p99: 0, max: 0 }, intervalMs: 0 });
    expect(sampler.active()).toBe(true);

    await sleep(80);
    const reading = sampler.last();
    expect(reading.intervalMs).toBeGreaterThanOrEqual(20);
    expect(reading.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(reading.eventLoopDelayMs.max).toBeGreaterThanOrEqual(reading.eventLoopDelayMs.p50);

    await sleep(300);
    expect(sampler.active()).toBe(false);
    expect(sampler.last().intervalMs).toBe(0); // a fresh start: nothing measured yet
    expect(sampler.active()).toBe(true);
  });
});
