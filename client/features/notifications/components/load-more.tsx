import { useRef } from 'react';
import { describeError } from '../../../shared/api/describe-error';
import type { useNotificationsList } from '../api/list-notifications';
import { useLoadMoreWhenVisible } from '../hooks/use-load-more-when-visible';

/** Loads older pages when scrolled near, and offers a button for keyboards and in case observing fails. */
export function LoadMore({ query }: { query: ReturnType<typeof useNotificationsList> }) {
  const markerRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const canLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  useLoadMoreWhenVisible(markerRef, canLoad, () => void fetchNextPage());

  if (!hasNextPage) return null;
  return (
    <div ref={markerRef} className="load-more">
      {isFetchNextPageError && (
        <p className="inline-error" role="alert">
          Older notifications could not be loaded: {describeError(query.error)}
        </p>
      )}
      <button type="button" className="button button-small" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {isFetchingNextPage ? 'Loading…' : 'Load older notifications'}
      </button>
    </div>
  );
}
