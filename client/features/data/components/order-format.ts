import type { OrderStatus } from '../../../../server/contract/orders';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

// The person's own locale and time zone: the date filters use the same days.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export const formatDateTime = (ms: number): string => dateTime.format(ms);
export const formatTime = (ms: number): string => timeOnly.format(ms);
export const formatCount = (count: number): string => count.toLocaleString();

export function formatServerMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}
