import { useMe } from '../../features/auth/api/get-me';
import { NotificationsPage } from '../../features/notifications/components/notifications-page';

/** Features do not know each other: the app tells the notifications page whether this person may send. */
export function NotificationsRoute() {
  const me = useMe();
  return <NotificationsPage canSend={me.data?.role === 'admin'} />;
}
