import { PlaceholderPage } from '../../../shared/components/placeholder-page';

export function LabPage() {
  return (
    <PlaceholderPage title="Lab">
      <p>
        One event stream will be delivered here over short polling, long polling, Server-Sent Events and WebSocket at
        the same time, with latency and overhead measured side by side.
      </p>
    </PlaceholderPage>
  );
}
