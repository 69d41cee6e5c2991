import { describe, expect, it, vi } from 'vitest';
import { cachedCount } from './count-cache.js';

describe('cachedCount', () => {
  it('counts once per filter set until the feed head moves', async () => {
    let head = 5;
    const count = vi.fn(async () => 42);
    const cached = cachedCount(count, () => head);
    expect(await cached({ statuses: ['paid'] } as never)).toBe(42);
    await cached({ statuses: ['paid'] } as never);
    expect(count).toHaveBeenCalledTimes(1);
    await cached({ statuses: ['shipped'] } as never);
    expect(count).toHaveBeenCalledTimes(2);
    head = 6;
    await cached({ statuses: ['paid'] } as never);
    expect(count).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed count', async () => {
    const count = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValue(3);
    const cached = cachedCount(count, () => 1);
    await expect(cached({} as never)).rejects.toThrow('busy');
    expect(await cached({} as never)).toBe(3);
  });
});
