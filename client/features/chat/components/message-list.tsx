// The room's messages, oldest first, virtualized: only the rows near the view are in the page, so a long
// history costs no more than a short one. It opens at the newest message and follows new ones while there;
// scrolling up to the top loads the page before without moving what is on screen. The list is a log for
// assistive technology; new messages of others are announced on their own (see NewMessageAnnouncer).
import { useMemo, useRef } from 'react';
import type { Message } from '../../../../server/contract/chat';
import { useLoadOlderMessages } from '../api/load-older-messages';
import { useLoadOlderNearTop } from '../hooks/use-load-older-near-top';
import { useMessageRows } from '../hooks/use-message-rows';
import { useReadMarker } from '../hooks/use-read-marker';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import type { OutboxEntry } from '../stores/outbox-store';
import { OutboxMessageItem, StoredMessageItem } from './message-item';
import { NewMessageAnnouncer } from './new-message-announcer';
import { OlderMessagesRow } from './older-messages-row';
import { timeline } from './timeline';
import { rowProps } from './virtual-row';

const OLDER_ROW_KEY = 'older';

interface MessageListProps {
  roomId: number;
  messages: Message[];
  hasOlder: boolean;
  outbox: OutboxEntry[];
  me: { id: number; username: string; isAdmin: boolean };
  onRetry: (clientId: string) => void;
}

export function MessageList({ roomId, messages, hasOlder, outbox, me, onRetry }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo(() => timeline(messages, outbox, me.id), [messages, outbox, me.id]);
  // While older messages exist, the first row is the control that loads them.
  const first = hasOlder ? 1 : 0;
  const keys = useMemo(() => [...(hasOlder ? [OLDER_ROW_KEY] : []), ...items.map((item) => item.key)], [hasOlder, items]);
  const { virtualizer, focusHandlers } = useMessageRows(scroller, keys);
  const stick = useStickToBottom(scroller, virtualizer, keys.at(-1), keys.length);
  const older = useLoadOlderMessages(roomId);
  const loadNearTop = useLoadOlderNearTop(hasOlder && !older.isPending && !older.isError, older.mutate);
  useReadMarker(roomId, messages.at(-1)?.seq, stick.atBottom);

  return (
    <div className="chat-messages-frame">
      <div
        className="chat-messages"
        ref={scroller}
        onScroll={(event) => {
          stick.onScroll();
          loadNearTop(event.currentTarget);
        }}
        role="log"
        aria-label="Conversation"
        // Rows enter the page while scrolling, not only when they are new: the announcer says what is new.
        aria-live="off"
        tabIndex={0}
      >
        {items.length === 0 && <p className="chat-empty">No messages yet. Say hello.</p>}
        <ul aria-label="Messages" className="chat-message-list" style={{ position: 'relative', height: virtualizer.getTotalSize() }} {...focusHandlers}>
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const row = rowProps(virtualRow, virtualizer.measureElement);
            if (virtualRow.index < first) return <OlderMessagesRow key={virtualRow.key} row={row} older={older} />;
            const item = items[virtualRow.index - first];
            if (!item) return null;
            if (!hasOlder) Object.assign(row, { 'aria-setsize': items.length, 'aria-posinset': virtualRow.index + 1 });
            return item.kind === 'stored' ? (
              <StoredMessageItem key={item.key} row={row} message={item.message} own={item.own} canDelete={me.isAdmin} />
            ) : (
              <OutboxMessageItem key={item.key} row={row} entry={item.entry} username={me.username} onRetry={onRetry} />
            );
          })}
        </ul>
      </div>
      <NewMessageAnnouncer messages={messages} userId={me.id} />
      {!stick.atBottom && stick.unseen > 0 && (
        <button type="button" className="button button-primary chat-new-messages" onClick={stick.scrollToBottom}>
          {stick.unseen === 1 ? '1 new message' : `${stick.unseen} new messages`}
        </button>
      )}
    </div>
  );
}
