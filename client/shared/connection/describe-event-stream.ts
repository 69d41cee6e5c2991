import type { StatusTone } from '../components/status-indicator';
import type { SharedStreamStatus } from '../realtime/shared-event-stream';

/** The SSE indicator: this tab's view of the browser's one stream, and whether this tab or another one holds it. */
export function describeEventStream({ state, role }: SharedStreamStatus): [label: string, tone: StatusTone, title: string] {
  switch (state) {
    case 'idle':
      return ['Not connected', 'muted', 'No event stream is open'];
    case 'connecting':
      return ['Connecting…', 'warn', 'Opening the notification stream'];
    case 'open':
      return role === 'leader'
        ? ['Connected (leader)', 'good', 'This tab holds the notification stream and shares it with your other tabs']
        : ['Connected (via another tab)', 'good', 'Another tab holds the notification stream and shares its events with this one'];
    case 'reconnecting':
      return ['Reconnecting…', 'warn', 'The stream dropped; it resumes where it left off'];
    case 'offline':
      return ['Offline', 'bad', 'No network; the stream resumes where it left off when it is back'];
    case 'refused':
      return ['Refused', 'bad', 'The server refused the stream; checking the session'];
  }
}
