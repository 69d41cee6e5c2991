import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idsOf, notification, page } from './notification-fixtures';
import { notificationsListOptions } from './list-notifications';
import { receiveNotification } from './notifications-cache';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the notifications list query', () => {
  it('asks for pages with the cursor and the unread filter', async () => {
    const fetchMock = vi.fn(async (_url: string) => Response.json(page([notification(3)])));
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = new QueryClient();
    await queryClient.fetchInfiniteQuery(notificationsListOptions({ unreadOnly: true }));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/notifications?limit=20&unread=true');
  });

  it('keeps notifications pushed while the first page was on its way', async () => {
    const queryClient = new QueryClient();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        // Arrives on the stream after the server read the page, before the response is here.
        receiveNotification(queryClient, notification(9));
        return Response.json(page([notification(8), notification(7)]));
      }),
    );
    const data = await queryClient.fetchInfiniteQuery(notificationsListOptions({ unreadOnly: false }));
    expect(idsOf(data)).toEqual([[9, 8, 7]]);
  });
});
