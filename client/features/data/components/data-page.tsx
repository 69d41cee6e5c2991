// The Data page: live orders over REST, read either as numbered pages or as an endless cursor-paged list, kept
// current by polling the change feed, with the cost of each way of reading shown beside the table.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorPanel } from '../../../shared/components/error-panel';
import { Spinner } from '../../../shared/components/spinner';
import { useFeedHead } from '../api/get-feed-head';
import type { OrderRow } from '../api/order-rows';
import { filtersOf } from '../hooks/orders-view-params';
import { useListParams } from '../hooks/use-list-params';
import { useOrderFeed } from '../hooks/use-order-feed';
import { useOrdersView } from '../hooks/use-orders-view';
import { useShowNewOrders } from '../hooks/use-show-new-orders';
import { useNoticesStore } from '../stores/notices-store';
import { CostPanel } from './cost-panel';
import { InfiniteOrders } from './infinite-orders';
import { NewOrdersBanner } from './new-orders-banner';
import { Notices } from './notices';
import { OrderDialogs, type OrderDialog } from './order-dialogs';
import { OrderFilters } from './order-filters';
import type { OrderActions } from './orders-table';
import { PagedOrders } from './paged-orders';
import { PollingControl } from './polling-control';
import { ViewModeToggle } from './view-mode-toggle';

export function DataPage() {
  const { view, updateView } = useOrdersView();
  const head = useFeedHead();
  const { pageParams, cursorParams, activeKey } = useListParams(view, head.data?.head_seq);
  const filters = useMemo(() => filtersOf(view), [view]);
  const feed = useOrderFeed({ startSeq: head.data?.head_seq, activeKey, filters });

  // Messages about this visit's writes are not news on the next visit.
  useEffect(() => () => useNoticesStore.getState().clear(), []);

  const [dialog, setDialog] = useState<OrderDialog>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const actions = useMemo<OrderActions>(
    () => ({
      edit: (order: OrderRow) => setDialog({ kind: 'edit', order }),
      remove: (order: OrderRow) => setDialog({ kind: 'delete', order }),
    }),
    [],
  );

  const [topSignal, setTopSignal] = useState(0);
  const scrollToTop = useCallback(() => setTopSignal((n) => n + 1), []);
  const showNewOrders = useShowNewOrders(view, activeKey, updateView, scrollToTop);

  let list;
  if (head.isError) {
    list = <ErrorPanel title="Orders could not be loaded" error={head.error} onRetry={() => void head.refetch()} />;
  } else if (!head.data) {
    list = <Spinner label="Loading orders…" />;
  } else if (view.mode === 'pages') {
    list = <PagedOrders view={view} params={pageParams} updateView={updateView} actions={actions} />;
  } else {
    list = <InfiniteOrders view={view} params={cursorParams} updateView={updateView} actions={actions} topSignal={topSignal} />;
  }

  return (
    <article className="page data-page">
      <title>Data · Switchboard</title>
      <header className="page-header data-header">
        <div>
          <h1>Orders</h1>
          <p className="page-lead">Live over REST: pages or infinite scroll, kept current by polling the change feed.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
          New order
        </button>
      </header>
      <div className="data-toolbar">
        <ViewModeToggle mode={view.mode} onChange={(mode) => updateView({ mode })} />
        <PollingControl state={feed.state} position={feed.position} error={feed.error} />
      </div>
      <div className="data-controls">
        <OrderFilters view={view} updateView={updateView} />
        <CostPanel mode={view.mode} />
      </div>
      <NewOrdersBanner onShow={showNewOrders} />
      <Notices />
      <section className="data-list" aria-label="Orders">
        {list}
      </section>
      <OrderDialogs dialog={dialog} onClose={closeDialog} />
    </article>
  );
}
