// Page mode needs the number of matching orders on every request, and counting a million rows costs tens of
// milliseconds. The count can only change when the change feed moves, so it is cached per filter set until the
// feed head changes. (Rows added by the seed command write no changes; the next change refreshes counts.)
import type { OrderFilters } from './orders-repository.js';

const MAX_ENTRIES = 200;

export function cachedCount(
  count: (filters: OrderFilters) => Promise<number>,
  head: () => number,
): (filters: OrderFilters) => Promise<number> {
  let cachedAt = -1;
  const cache = new Map<string, Promise<number>>();
  return (filters) => {
    const current = head();
    if (current !== cachedAt) {
      cache.clear();
      cachedAt = current;
    }
    const key = JSON.stringify(filters);
    let hit = cache.get(key);
    if (!hit) {
      hit = count(filters);
      cache.set(key, hit);
      if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
}
