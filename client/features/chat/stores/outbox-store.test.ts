import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let items: Map<string, string>;

// The store reads sessionStorage when its module loads, so each test imports a fresh copy.
async function loadStore() {
  vi.resetModules();
  return import('./outbox-store');
}

beforeEach(() => {
  items = new Map();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
    removeItem: (key: string) => items.delete(key),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const base = { userId: 1, roomId: 5 };

describe('outbox store', () => {
  it('keeps entries in the order written and sends the oldest pending first', async () => {
    const { useOutboxStore, nextPending } = await loadStore();
    const { add, fail } = useOutboxStore.getState();
    add({ ...base, clientId: 'a', text: 'one', createdAt: 1 });
    add({ ...base, clientId: 'b', text: 'two', createdAt: 2 });
    add({ ...base, clientId: 'c', text: 'three', createdAt: 3 });
    expect(useOutboxStore.getState().entries.map((e) => e.clientId)).toEqual(['a', 'b', 'c']);
    expect(nextPending(useOutboxStore.getState().entries, 1)?.clientId).toBe('a');
    fail('a', 'Too long');
    expect(nextPending(useOutboxStore.getState().entries, 1)?.clientId).toBe('b');
    expect(nextPending(useOutboxStore.getState().entries, 2)).toBeUndefined();
  });

  it('retries in place with the same clientId, and removes once stored', async () => {
    const { useOutboxStore } = await loadStore();
    const { add, fail, retry, remove } = useOutboxStore.getState();
    add({ ...base, clientId: 'a', text: 'one' });
    add({ ...base, clientId: 'b', text: 'two' });
    fail('a', 'No');
    retry('a');
    expect(useOutboxStore.getState().entries[0]).toMatchObject({ clientId: 'a', state: 'pending', error: undefined });
    remove('a');
    expect(useOutboxStore.getState().entries.map((e) => e.clientId)).toEqual(['b']);
  });

  it('persists the entries (and nothing else) to sessionStorage, and restores them', async () => {
    const first = await loadStore();
    first.useOutboxStore.getState().add({ ...base, clientId: 'a', text: 'one', createdAt: 7 });
    const stored = JSON.parse(items.get(first.OUTBOX_STORAGE_KEY)!) as { state: unknown; version: number };
    expect(stored).toEqual({
      state: { entries: [{ ...base, clientId: 'a', text: 'one', createdAt: 7, state: 'pending' }] },
      version: 1,
    });
    const second = await loadStore();
    expect(second.useOutboxStore.getState().entries).toEqual([{ ...base, clientId: 'a', text: 'one', createdAt: 7, state: 'pending' }]);
  });

  it('drops malformed entries found in storage', async () => {
    items.set('switchboard.chat.outbox', JSON.stringify({ state: { entries: [{ clientId: 'x' }, { ...base, clientId: 'ok', text: 't', createdAt: 1, state: 'pending' }] }, version: 1 }));
    const { useOutboxStore } = await loadStore();
    expect(useOutboxStore.getState().entries.map((e) => e.clientId)).toEqual(['ok']);
  });
});
