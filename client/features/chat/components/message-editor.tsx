import { useState } from 'react';
import { MESSAGE_MAX_LENGTH, type Message } from '../../../../server/contract/chat';
import { describeError } from '../../../shared/api/describe-error';
import { useEditMessage } from '../api/message-actions';

/** Inline editing of an own message; Escape cancels, Enter saves. */
export function MessageEditor({ message, onDone }: { message: Message; onDone: () => void }) {
  const [text, setText] = useState(message.text);
  const edit = useEditMessage();
  const blank = text.trim().length === 0;
  const save = () => {
    if (blank || text === message.text) return onDone();
    edit.mutate({ messageId: message.id, text }, { onSuccess: onDone });
  };
  return (
    <form
      className="chat-message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <textarea
        aria-label="Edit message"
        value={text}
        maxLength={MESSAGE_MAX_LENGTH}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save();
          }
        }}
        autoFocus
      />
      <div className="chat-message-actions">
        <button type="submit" className="button button-primary button-small" disabled={blank || edit.isPending}>
          Save
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onDone}>
          Cancel
        </button>
        {edit.isError && <span className="field-error">{describeError(edit.error)}</span>}
      </div>
    </form>
  );
}
