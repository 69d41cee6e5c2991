// One message. Own messages say where they are (Sending… / Sent / Failed with Retry) and can be edited or
// deleted; admins may delete anyone's.
import { useState } from 'react';
import type { Message } from '../../../../server/contract/chat';
import { describeError } from '../../../shared/api/describe-error';
import { useDeleteMessage } from '../api/message-actions';
import type { OutboxEntry } from '../stores/outbox-store';
import { MessageEditor } from './message-editor';
import { MessageText } from './message-text';
import type { RowProps } from './virtual-row';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

interface StoredProps {
  row: RowProps;
  message: Message;
  own: boolean;
  canDelete: boolean;
}

export function StoredMessageItem({ row, message, own, canDelete }: StoredProps) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteMessage();
  const deleted = message.deleted_at !== null;
  return (
    <li {...row} className={`chat-message${own ? ' chat-message-own' : ''}`} data-seq={message.seq}>
      <div className="chat-message-meta">
        <span className="chat-message-author">{message.author.username}</span>
        <time dateTime={new Date(message.created_at).toISOString()}>{timeFormat.format(message.created_at)}</time>
        {message.edited_at !== null && !deleted && <span className="chat-message-note">(edited)</span>}
        {own && <span className="chat-message-status">Sent</span>}
      </div>
      {deleted ? (
        <p className="chat-message-text chat-message-deleted">Message deleted</p>
      ) : editing ? (
        <MessageEditor message={message} onDone={() => setEditing(false)} />
      ) : (
        <MessageText text={message.text} />
      )}
      {!deleted && !editing && (own || canDelete) && (
        <div className="chat-message-actions chat-message-tools">
          {own && (
            <button type="button" className="button button-quiet button-small" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button
            type="button"
            className="button button-danger-quiet button-small"
            disabled={remove.isPending}
            onClick={() => remove.mutate(message.id)}
          >
            Delete
          </button>
        </div>
      )}
      {remove.isError && <p className="field-error">{describeError(remove.error)}</p>}
    </li>
  );
}

interface OutboxProps {
  row: RowProps;
  entry: OutboxEntry;
  username: string;
  onRetry: (clientId: string) => void;
}

export function OutboxMessageItem({ row, entry, username, onRetry }: OutboxProps) {
  const failed = entry.state === 'failed';
  return (
    <li {...row} className={`chat-message chat-message-own ${failed ? 'chat-message-failed' : 'chat-message-pending'}`}>
      <div className="chat-message-meta">
        <span className="chat-message-author">{username}</span>
        <span className="chat-message-status">{failed ? 'Failed' : 'Sending…'}</span>
      </div>
      <MessageText text={entry.text} />
      {failed && (
        <div className="chat-message-actions">
          {entry.error && <span className="field-error">{entry.error}</span>}
          <button type="button" className="button button-small" onClick={() => onRetry(entry.clientId)}>
            Retry
          </button>
        </div>
      )}
    </li>
  );
}
