// One list from two sources: messages the server stored (from the cache) and this tab's unsent ones (from the
// outbox). An outbox entry whose clientId is already stored is hidden, so a message is never shown twice while
// the store catches up with the ack.
import type { Message } from '../../../../server/contract/chat';
import { storedClientIds } from '../api/messages-cache';
import type { OutboxEntry } from '../stores/outbox-store';

export type TimelineItem =
  | { kind: 'stored'; key: string; message: Message; own: boolean }
  | { kind: 'outbox'; key: string; entry: OutboxEntry };

export function timeline(messages: readonly Message[], outbox: readonly OutboxEntry[], userId: number): TimelineItem[] {
  const stored = storedClientIds(messages, userId);
  const items: TimelineItem[] = messages.map((message) => ({
    kind: 'stored',
    // Keyed by clientId for own messages, so the pending item and the stored one are the same row to React.
    key: message.author.id === userId ? `c:${message.client_id}` : `m:${message.id}`,
    message,
    own: message.author.id === userId,
  }));
  for (const entry of outbox) {
    if (!stored.has(entry.clientId)) items.push({ kind: 'outbox', key: `c:${entry.clientId}`, entry });
  }
  return items;
}
