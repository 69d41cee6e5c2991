// The first row while older messages exist: scrolling up to it loads them, and so does its button (for keyboards,
// and for a room whose messages do not fill the view).
import type { UseMutationResult } from '@tanstack/react-query';
import { describeError } from '../../../shared/api/describe-error';
import type { RowProps } from './virtual-row';

export function OlderMessagesRow({ row, older }: { row: RowProps; older: UseMutationResult<void, Error, void> }) {
  return (
    <li {...row} role="none">
      <div className="chat-older">
        <button type="button" className="button button-small" disabled={older.isPending} onClick={() => older.mutate()}>
          {older.isPending ? 'Loading…' : 'Load older'}
        </button>
        {older.isError && <span className="field-error">{describeError(older.error)}</span>}
      </div>
    </li>
  );
}
