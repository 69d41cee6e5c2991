// The message box: Enter sends, Shift+Enter breaks the line. The draft survives switching rooms.
import { useId } from 'react';
import { MESSAGE_MAX_LENGTH } from '../../../../server/contract/chat';
import { useTypingEmitter } from '../hooks/use-typing-emitter';
import { useDraftsStore } from '../stores/drafts-store';

/** The counter appears this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX_LENGTH - 400;

export function Composer({ roomId, onSend }: { roomId: number; onSend: (text: string) => void }) {
  const id = useId();
  const text = useDraftsStore((s) => s.drafts[roomId] ?? '');
  const setDraft = useDraftsStore((s) => s.setDraft);
  const { typed, stop } = useTypingEmitter(roomId);
  // The server counts code points of the trimmed text; so does this, so the two agree on emoji.
  const length = [...text.trim()].length;
  const over = length > MESSAGE_MAX_LENGTH;
  const canSend = length > 0 && !over;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setDraft(roomId, '');
    stop();
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder="Write a message"
        aria-describedby={length >= COUNTER_FROM ? `${id}-count` : undefined}
        aria-invalid={over || undefined}
        onChange={(e) => {
          setDraft(roomId, e.target.value);
          if (e.target.value.trim()) typed();
          else stop();
        }}
        onBlur={stop}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <div className="chat-composer-side">
        {length >= COUNTER_FROM && (
          <span id={`${id}-count`} className={over ? 'field-error' : 'field-hint'}>
            {over ? `${length - MESSAGE_MAX_LENGTH} over the limit` : `${MESSAGE_MAX_LENGTH - length} left`}
          </span>
        )}
        <button type="submit" className="button button-primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
