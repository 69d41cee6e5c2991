import type { Migration } from 'kysely';
import { accounts } from './0001-accounts.js';
import { orders } from './0002-orders.js';
import { notifications } from './0003-notifications.js';
import { chat } from './0004-chat.js';
import { chatVersions } from './0005-chat-versions.js';
import { notificationCounts } from './0006-notification-counts.js';
import { broadcastNotifications } from './0007-broadcast-notifications.js';
import { broadcastCounts } from './0008-broadcast-counts.js';

// Ordered by name; never edit a shipped migration, add the next one.
export const migrations: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-orders': orders,
  '0003-notifications': notifications,
  '0004-chat': chat,
  '0005-chat-versions': chatVersions,
  '0006-notification-counts': notificationCounts,
  '0007-broadcast-notifications': broadcastNotifications,
  '0008-broadcast-counts': broadcastCounts,
};
