import { PlaceholderPage } from '../../../shared/components/placeholder-page';

export function ChatPage() {
  return (
    <PlaceholderPage title="Chat">
      <p>
        Chat rooms over Socket.IO are coming here: acknowledged delivery, a queue for messages written while offline,
        typing indicators and presence.
      </p>
    </PlaceholderPage>
  );
}
