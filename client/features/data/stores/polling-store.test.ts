import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let items: Map<string, string>;

// The store reads localStorage when its module loads, so each test imports a fresh copy.
async function loadStore() {
  vi.resetModules();
  return import('./polling-store');
}

beforeEach(() => {
  items = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
    removeItem: (key: string) => items.delete(key),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('polling store', () => {
  it('polls every 5 seconds by default', async () => {
    const { usePollingStore } = await loadStore();
    expect(usePollingStore.getState().intervalMs).toBe(5_000);
  });

  it('remembers the choice', async () => {
    const { usePollingStore, POLLING_STORAGE_KEY } = await loadStore();
    usePollingStore.getState().setIntervalMs(0);
    expect(JSON.parse(items.get(POLLING_STORAGE_KEY) ?? '{}')).toMatchObject({ state: { intervalMs: 0 } });
    const again = await loadStore();
    expect(again.usePollingStore.getState().intervalMs).toBe(0);
  });

  it('ignores a stored value that is not one of the choices', async () => {
    items.set('switchboard.data.polling', JSON.stringify({ state: { intervalMs: 3 }, version: 1 }));
    const { usePollingStore } = await loadStore();
    expect(usePollingStore.getState().intervalMs).toBe(5_000);
  });
});
