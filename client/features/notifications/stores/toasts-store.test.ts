import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARRIVAL_BATCH_MS, useToastsStore } from './toasts-store';

beforeEach(() => {
  vi.useFakeTimers();
  useToastsStore.getState().clear();
});

afterEach(() => {
  vi.useRealTimers();
});

const shown = () => useToastsStore.getState().toasts.map((toast) => toast.ids);

describe('toasts store', () => {
  it('collects the events of a burst before showing them, so they fold into one toast', () => {
    const { arrive } = useToastsStore.getState();
    for (const id of [1, 2, 3, 4, 5]) arrive(id);
    expect(shown()).toEqual([]);
    vi.advanceTimersByTime(ARRIVAL_BATCH_MS);
    expect(shown()).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('forgets notifications that were read meanwhile, shown or still waiting', () => {
    const { arrive, forget } = useToastsStore.getState();
    arrive(1);
    vi.advanceTimersByTime(ARRIVAL_BATCH_MS);
    arrive(2);
    forget((id) => id <= 2);
    vi.advanceTimersByTime(ARRIVAL_BATCH_MS);
    expect(shown()).toEqual([]);
  });

  it('dismisses one toast by its key', () => {
    const { arrive } = useToastsStore.getState();
    arrive(1);
    arrive(2);
    vi.advanceTimersByTime(ARRIVAL_BATCH_MS);
    const first = useToastsStore.getState().toasts[0];
    useToastsStore.getState().dismiss(first?.key ?? -1);
    expect(shown()).toEqual([[2]]);
  });
});
