import { describe, expect, it } from 'vitest';
import { formatAge, formatBadge, unreadLabel } from './notification-format';

describe('notification formatting', () => {
  const now = Date.UTC(2026, 10, 26, 12, 0, 0);

  it('says how long ago, in words', () => {
    expect(formatAge(now - 10_000, now)).toBe('just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatAge(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(formatAge(now - 26 * 3_600_000, now)).toBe('yesterday');
  });

  it('names the bell with the count and keeps the badge short', () => {
    expect(unreadLabel(3)).toBe('Notifications, 3 unread');
    expect(unreadLabel(0)).toBe('Notifications');
    expect(formatBadge(7)).toBe('7');
    expect(formatBadge(140)).toBe('99+');
  });
});
