import type { OrderSort, SortOrder } from '../../../../server/contract/orders';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { describeError } from '../../../shared/api/describe-error';
import { useOrdersPage } from '../api/list-orders-page';
import type { PageListParams } from '../api/orders-keys';
import type { OrdersView, PageSize } from '../hooks/orders-view-params';
import type { UpdateView } from '../hooks/use-orders-view';
import { OrderRowView } from './order-row';
import { COLUMN_COUNT, OrdersTable, type OrderActions } from './orders-table';
import { PaginationControls } from './pagination-controls';

interface PagedOrdersProps {
  view: OrdersView;
  params: PageListParams | undefined;
  updateView: UpdateView;
  actions: OrderActions;
}

export function PagedOrders({ view, params, updateView, actions }: PagedOrdersProps) {
  const query = useOrdersPage(params);
  const { data } = query;

  if (!data) {
    if (query.isError) {
      return <ErrorPanel title="Orders could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
    }
    return <Spinner label="Loading orders…" />;
  }

  const onSort = (sort: OrderSort, order: SortOrder) => updateView({ sort, order });
  const onPage = (page: number) => updateView({ page });
  const onPageSize = (pageSize: PageSize) => updateView({ pageSize });
  const offset = (data.meta.page - 1) * data.meta.page_size;
  const loadingAnother = query.isPlaceholderData;

  return (
    <div className={`paged-orders${loadingAnother ? ' is-loading' : ''}`}>
      {query.isError && (
        <p className="form-alert" role="alert">
          This page could not be loaded: {describeError(query.error)}{' '}
          <button type="button" className="button button-small" onClick={() => void query.refetch()}>
            Try again
          </button>
        </p>
      )}
      <div className="table-frame">
        <OrdersTable
          caption={`Orders, page ${data.meta.page} of ${Math.max(1, data.meta.total_pages)}`}
          ariaRowCount={data.meta.total + 1}
          busy={loadingAnother}
          sort={view.sort}
          order={view.order}
          onSort={onSort}
        >
          {data.data.map((row, index) => (
            <OrderRowView key={row.id} row={row} ariaRowIndex={offset + index + 2} actions={actions} />
          ))}
          {data.data.length === 0 && (
            <tr>
              <td colSpan={COLUMN_COUNT} className="empty-cell">
                {data.meta.total === 0
                  ? 'No orders match these filters.'
                  : `There is no page ${data.meta.page}: this list has ${data.meta.total_pages} pages.`}
              </td>
            </tr>
          )}
        </OrdersTable>
      </div>
      <PaginationControls
        page={view.page}
        pageSize={view.pageSize}
        meta={data.meta}
        onPage={onPage}
        onPageSize={onPageSize}
      />
    </div>
  );
}
