// Says the newest message of someone else aloud (politely) when it arrives. The list itself does not: rows
// enter it while scrolling too, and reading those out would recite old messages.
import { useState } from 'react';
import type { Message } from '../../../../server/contract/chat';

export function NewMessageAnnouncer({ messages, userId }: { messages: readonly Message[]; userId: number }) {
  // What was there when the room opened is not news.
  const [since] = useState(() => messages.at(-1)?.seq ?? 0);
  const newest = messages.at(-1);
  const news = newest && newest.seq > since && newest.author.id !== userId && newest.deleted_at === null;
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {news ? `${newest.author.username}: ${newest.text}` : ''}
    </p>
  );
}
