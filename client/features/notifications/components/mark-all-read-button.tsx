import { describeError } from '../../../shared/api/describe-error';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllRead } from '../api/mark-all-read';

export function MarkAllReadButton() {
  const unread = useUnreadCount().data?.count ?? 0;
  const markAllRead = useMarkAllRead();
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={unread === 0 || markAllRead.isPending}
        onClick={() => markAllRead.mutate()}
      >
        Mark all read
      </button>
      {markAllRead.isError && (
        <span className="inline-error" role="alert">
          {describeError(markAllRead.error)}
        </span>
      )}
    </>
  );
}
