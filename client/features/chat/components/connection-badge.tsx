import type { ChatConnectionState } from '../api/chat-connection';

const labels: Record<ChatConnectionState, { text: string; tone: 'good' | 'warn' | 'bad' | 'muted' }> = {
  idle: { text: 'Not connected', tone: 'muted' },
  connecting: { text: 'Connecting…', tone: 'warn' },
  connected: { text: 'Connected', tone: 'good' },
  reconnecting: { text: 'Reconnecting… pending messages will be sent when back', tone: 'warn' },
  offline: { text: 'Offline: pending messages will be sent when back', tone: 'bad' },
};

export function ConnectionBadge({ state }: { state: ChatConnectionState }) {
  const { text, tone } = labels[state];
  return (
    <p className={`chat-connection status-${tone}`} role="status">
      <span className="status-dot" aria-hidden="true" /> {text}
    </p>
  );
}
