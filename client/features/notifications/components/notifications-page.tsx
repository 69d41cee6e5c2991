import { PlaceholderPage } from '../../../shared/components/placeholder-page';

export function NotificationsPage() {
  return (
    <PlaceholderPage title="Notifications">
      <p>
        Your own notifications will arrive here, pushed over Server-Sent Events. The stream resumes where it left off
        after a drop, and read state stays in sync across your open tabs.
      </p>
    </PlaceholderPage>
  );
}
