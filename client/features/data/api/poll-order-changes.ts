// Polls GET /api/orders/changes?after=<seq> and hands each batch to the caller to apply. The position lives in
// this query's own data: a poll starts where the last successful one ended, so a failed or cancelled poll is
// simply asked again next time.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { CHANGES_LIMIT_MAX, type ChangesPage, type OrderChange } from '../../../../server/contract/orders';
import { apiRequestWithHeaders } from '../../../shared/api/api-client';
import { measured } from '../stores/request-cost-store';
import { ordersKeys } from './orders-keys';
import { dbTimeOf } from './timing';

/** A poll reads at most this many feed pages; a tab further behind catches up over the next polls. */
const MAX_PAGES_PER_POLL = 5;

export interface FeedPosition {
  lastSeq: number;
  headSeq: number;
  /** Changes in the last poll. */
  received: number;
  checkedAt: number;
}

export const getOrderChanges = (after: number, signal?: AbortSignal): Promise<ChangesPage> =>
  measured(
    'feed',
    () => apiRequestWithHeaders<ChangesPage>(`/api/orders/changes?after=${after}&limit=${CHANGES_LIMIT_MAX}`, { signal }),
    (body) => body.data.length,
    dbTimeOf,
  );

export interface FeedHandlers {
  onChanges: (changes: OrderChange[]) => void;
  /** The feed restarted behind us (the database was replaced): lists must be read again. */
  onRestart: () => void;
}

export async function pollOrderChanges(after: number, handlers: FeedHandlers, signal?: AbortSignal): Promise<FeedPosition> {
  const changes: OrderChange[] = [];
  let lastSeq = after;
  let headSeq = after;
  for (let round = 0; round < MAX_PAGES_PER_POLL; round += 1) {
    const { data, meta } = await getOrderChanges(lastSeq, signal);
    headSeq = meta.head_seq;
    if (headSeq < lastSeq) {
      handlers.onRestart();
      return { lastSeq: headSeq, headSeq, received: 0, checkedAt: Date.now() };
    }
    changes.push(...data);
    lastSeq = meta.last_seq;
    if (!meta.has_more) break;
  }
  if (changes.length > 0) handlers.onChanges(changes);
  return { lastSeq, headSeq, received: changes.length, checkedAt: Date.now() };
}

export const orderChangesQueryOptions = (queryClient: QueryClient, startSeq: number, handlers: FeedHandlers) =>
  queryOptions({
    queryKey: ordersKeys.changes(),
    queryFn: ({ signal }) => {
      const after = queryClient.getQueryData<FeedPosition>(ordersKeys.changes())?.lastSeq ?? startSeq;
      return pollOrderChanges(after, handlers, signal);
    },
    staleTime: 0,
    gcTime: 0,
    // A returning tab catches up at once instead of waiting for the next interval.
    refetchOnWindowFocus: 'always',
    refetchIntervalInBackground: false,
  });
