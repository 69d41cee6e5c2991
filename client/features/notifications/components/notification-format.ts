import type { NotificationLevel } from '../../../../server/contract/notifications';

export const LEVEL_LABELS: Record<NotificationLevel, string> = {
  info: 'Info',
  success: 'Success',
  warning: 'Warning',
  error: 'Error',
};

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "just now", "5 minutes ago", "yesterday"; older than a week, the date. */
export function formatAge(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  return days < 7 ? relative.format(-days, 'day') : absolute.format(at);
}

export const formatDateTime = (at: number): string => absolute.format(at);

/** The badge stays narrow: past 99 the exact number is in the button's name. */
export const formatBadge = (count: number): string => (count > 99 ? '99+' : String(count));

export const unreadLabel = (count: number): string => (count > 0 ? `Notifications, ${count} unread` : 'Notifications');
