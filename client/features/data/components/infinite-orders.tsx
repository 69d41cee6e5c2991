// Cursor mode as one long scrolling table. Only the rows in sight (plus a margin) are in the DOM; the next page is
// asked for before the last loaded row comes into view, the previous one when scrolling back up past dropped pages.
import { hashKey } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { OrderSort, SortOrder } from '../../../../server/contract/orders';
import { describeError } from '../../../shared/api/describe-error';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { MAX_CURSOR_PAGES, useOrdersCursor } from '../api/list-orders-cursor';
import type { CursorListParams } from '../api/orders-keys';
import type { OrdersView } from '../hooks/orders-view-params';
import { useKeepRowsInPlace } from '../hooks/use-keep-rows-in-place';
import type { UpdateView } from '../hooks/use-orders-view';
import { formatCount } from './order-format';
import { OrderRowView } from './order-row';
import { COLUMN_COUNT, OrdersTable, SpacerRow, type OrderActions } from './orders-table';

/** Matches `.orders-table tbody tr` in data.css: fixed heights make positions exact without measuring. */
export const ROW_HEIGHT = 44;
const LOAD_AHEAD_ROWS = 10;

interface InfiniteOrdersProps {
  view: OrdersView;
  params: CursorListParams | undefined;
  updateView: UpdateView;
  actions: OrderActions;
  /** Changes when the list should be shown from its top again. */
  topSignal: number;
}

export function InfiniteOrders({ view, params, updateView, actions, topSignal }: InfiniteOrdersProps) {
  const query = useOrdersCursor(params);
  const { data, hasNextPage, hasPreviousPage, isFetching, fetchNextPage, fetchPreviousPage } = query;
  // After a failed page the person retries with the button; the effect below must not retry in a loop.
  const stalled = query.isFetchNextPageError || query.isFetchPreviousPageError;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const scrollRef = useRef<HTMLDivElement>(null);

  // The virtualizer is read during render on purpose; nothing derived from it is memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  // The rows actually in sight, without the overscan margin: loading ahead is measured from what the person sees.
  const firstIndex = virtualizer.range?.startIndex;
  const lastIndex = virtualizer.range?.endIndex;
  useKeepRowsInPlace(scrollRef, rows, ROW_HEIGHT);

  // One request at a time: starting the other direction would cancel the one in flight.
  useEffect(() => {
    if (isFetching || stalled || firstIndex === undefined || lastIndex === undefined) return;
    if (hasNextPage && lastIndex >= rows.length - 1 - LOAD_AHEAD_ROWS) void fetchNextPage();
    else if (hasPreviousPage && firstIndex <= LOAD_AHEAD_ROWS) void fetchPreviousPage();
  }, [firstIndex, lastIndex, rows.length, hasNextPage, hasPreviousPage, isFetching, stalled, fetchNextPage, fetchPreviousPage]);

  const listHash = params ? hashKey([params]) : '';
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listHash, topSignal]);

  if (!data) {
    if (query.isError) {
      return <ErrorPanel title="Orders could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
    }
    return <Spinner label="Loading orders…" />;
  }

  const onSort = (sort: OrderSort, order: SortOrder) => updateView({ sort, order });
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // Once pages before the first one held are dropped, how many rows came before is unknown: no positions then.
  const knownPositions = !hasPreviousPage;

  return (
    <div className={`infinite-orders${query.isPlaceholderData ? ' is-loading' : ''}`}>
      <div
        ref={scrollRef}
        className="table-frame orders-scroll"
        tabIndex={0}
        role="region"
        aria-label="Orders, scroll to load more"
      >
        <OrdersTable
          caption="Orders, loaded as you scroll"
          ariaRowCount={hasNextPage || hasPreviousPage ? -1 : rows.length + 1}
          busy={isFetching}
          sort={view.sort}
          order={view.order}
          onSort={onSort}
        >
          <SpacerRow height={paddingTop} />
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const ariaRowIndex = knownPositions ? item.index + 2 : undefined;
            return <OrderRowView key={row.id} row={row} ariaRowIndex={ariaRowIndex} actions={actions} />;
          })}
          <SpacerRow height={paddingBottom} />
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMN_COUNT} className="empty-cell">
                No orders match these filters.
              </td>
            </tr>
          )}
        </OrdersTable>
      </div>
      <InfiniteStatus rows={rows.length} pages={data.pages.length} limit={view.pageSize} query={query} />
    </div>
  );
}

interface InfiniteStatusProps {
  rows: number;
  pages: number;
  limit: number;
  query: ReturnType<typeof useOrdersCursor>;
}

function InfiniteStatus({ rows, pages, limit, query }: InfiniteStatusProps) {
  let state = query.hasNextPage ? 'Scroll for more.' : 'End of the list.';
  if (query.isFetchingNextPage) state = 'Loading more…';
  if (query.isFetchingPreviousPage) state = 'Loading earlier rows…';
  return (
    <div className="infinite-status">
      <p aria-live="polite">
        {formatCount(rows)} rows in memory ({pages} {pages === 1 ? 'page' : 'pages'} of {limit}; at most{' '}
        {MAX_CURSOR_PAGES} pages are kept). {state}
      </p>
      {query.isFetchNextPageError || query.isFetchPreviousPageError ? (
        <p className="inline-error" role="alert">
          More rows could not be loaded: {describeError(query.error)}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.fetchPreviousPage())}
          >
            Try again
          </button>
        </p>
      ) : null}
    </div>
  );
}
