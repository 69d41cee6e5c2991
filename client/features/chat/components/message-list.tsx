// The room's messages, oldest first, stuck to the newest unless the person scrolled up. A plain list: rooms keep a
// few hundred messages in view at most, and scrollback adds pages on request.
import { useRef } from 'react';
import type { Message } from '../../../../server/contract/chat';
import { describeError } from '../../../shared/api/describe-error';
import { useLoadOlderMessages } from '../api/load-older-messages';
import { useReadMarker } from '../hooks/use-read-marker';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import type { OutboxEntry } from '../stores/outbox-store';
import { OutboxMessageItem, StoredMessageItem } from './message-item';
import { timeline } from './timeline';

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
  const items = timeline(messages, outbox, me.id);
  const { atBottom, unseen, onScroll, scrollToBottom } = useStickToBottom(scroller, items[0]?.key, items.length);
  const older = useLoadOlderMessages(roomId);
  useReadMarker(roomId, messages.at(-1)?.seq, atBottom);

  return (
    <div className="chat-messages-frame">
      <div className="chat-messages" ref={scroller} onScroll={onScroll}>
        {hasOlder && (
          <div className="chat-older">
            <button type="button" className="button button-small" disabled={older.isPending} onClick={() => older.mutate()}>
              {older.isPending ? 'Loading…' : 'Load older'}
            </button>
            {older.isError && <span className="field-error">{describeError(older.error)}</span>}
          </div>
        )}
        {items.length === 0 && <p className="chat-empty">No messages yet. Say hello.</p>}
        <ul aria-label="Messages" className="chat-message-list">
          {items.map((item) =>
            item.kind === 'stored' ? (
              <StoredMessageItem key={item.key} message={item.message} own={item.own} canDelete={me.isAdmin} />
            ) : (
              <OutboxMessageItem key={item.key} entry={item.entry} username={me.username} onRetry={onRetry} />
            ),
          )}
        </ul>
      </div>
      {!atBottom && unseen > 0 && (
        <button type="button" className="button button-primary chat-new-messages" onClick={scrollToBottom}>
          {unseen === 1 ? '1 new message' : `${unseen} new messages`}
        </button>
      )}
    </div>
  );
}
