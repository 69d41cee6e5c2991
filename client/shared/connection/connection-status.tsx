// One indicator per transport, each saying in words what it knows.
import { StatusIndicator, type StatusTone } from '../components/status-indicator';
import { useNotificationStreamStatus } from '../realtime/use-notification-stream-status';
import { useSocketStatus } from '../realtime/use-socket-status';
import { describeEventStream } from './describe-event-stream';
import type { SocketStatus } from '../realtime/socket-connection';
import { useRestStatus, type RestState } from './use-rest-status';

const restLabels: Record<RestState, [label: string, tone: StatusTone, title: string]> = {
  checking: ['Checking…', 'muted', 'Asking the API whether it is alive'],
  online: ['Online', 'good', 'The API answered the last health check'],
  offline: ['Offline', 'bad', 'The browser reports no network connection'],
  unreachable: ['Unreachable', 'bad', 'The last health check did not reach the server'],
  failing: ['Failing', 'warn', 'The server answered the last health check with an error'],
};

function describeSocket({ state, reason }: SocketStatus): [label: string, tone: StatusTone, title: string] {
  switch (state) {
    case 'idle':
      return ['Not connected', 'muted', 'No WebSocket connection is open'];
    case 'connecting':
      return ['Connecting…', 'warn', 'Opening the Socket.IO connection'];
    case 'connected':
      return ['Connected', 'good', 'The Socket.IO connection is open'];
    case 'reconnecting':
      return ['Reconnecting…', 'warn', 'The connection dropped; trying again'];
    case 'offline':
      return reason === 'server_closed'
        ? ['Closed', 'bad', 'The server closed the connection']
        : ['Offline', 'bad', 'The server cannot be reached; retrying in the background'];
    case 'refused':
      return ['Refused', 'bad', `The server refused the connection${reason ? ` (${reason})` : ''}`];
  }
}

export function ConnectionStatus() {
  const [restLabel, restTone, restTitle] = restLabels[useRestStatus()];
  const [socketLabel, socketTone, socketTitle] = describeSocket(useSocketStatus());
  const [sseLabel, sseTone, sseTitle] = describeEventStream(useNotificationStreamStatus());

  return (
    <section className="connection-status" role="status" aria-label="Connection status">
      <ul>
        <StatusIndicator name="REST" label={restLabel} tone={restTone} title={restTitle} />
        <StatusIndicator name="WebSocket" label={socketLabel} tone={socketTone} title={socketTitle} />
        <StatusIndicator name="SSE" label={sseLabel} tone={sseTone} title={sseTitle} />
      </ul>
    </section>
  );
}
