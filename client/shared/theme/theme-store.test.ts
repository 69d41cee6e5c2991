import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

let storage: MemoryStorage;

// The store reads localStorage when its module loads, so each test imports a fresh copy.
async function loadStore() {
  vi.resetModules();
  return import('./theme-store');
}

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('theme store', () => {
  it('follows the system by default', async () => {
    const { useThemeStore } = await loadStore();
    expect(useThemeStore.getState().theme).toBe('system');
  });

  it('persists the chosen theme', async () => {
    const { useThemeStore, THEME_STORAGE_KEY } = await loadStore();
    useThemeStore.getState().setTheme('dark');
    expect(useThemeStore.getState().theme).toBe('dark');
    expect(JSON.parse(storage.getItem(THEME_STORAGE_KEY) ?? '{}')).toMatchObject({ state: { theme: 'dark' } });
  });

  it('restores a stored theme', async () => {
    storage.setItem('switchboard.theme', JSON.stringify({ state: { theme: 'light' }, version: 1 }));
    const { useThemeStore } = await loadStore();
    expect(useThemeStore.getState().theme).toBe('light');
  });

  it('ignores a stored value that is not a theme', async () => {
    storage.setItem('switchboard.theme', JSON.stringify({ state: { theme: 'neon' }, version: 1 }));
    const { useThemeStore } = await loadStore();
    expect(useThemeStore.getState().theme).toBe('system');
  });
});

describe('isTheme', () => {
  it('accepts only the three themes', async () => {
    const { isTheme } = await loadStore();
    expect(['light', 'dark', 'system'].every(isTheme)).toBe(true);
    expect(isTheme('blue')).toBe(false);
    expect(isTheme(undefined)).toBe(false);
  });
});
