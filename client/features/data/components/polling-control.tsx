import { useId } from 'react';
import { describeError } from '../../../shared/api/describe-error';
import type { FeedPosition } from '../api/poll-order-changes';
import type { FeedState } from '../hooks/use-order-feed';
import { POLL_INTERVALS, usePollingStore, type PollInterval } from '../stores/polling-store';
import { formatTime } from './order-format';

const intervalLabel = (ms: PollInterval): string => (ms === 0 ? 'Off' : `${ms / 1000} s`);

interface PollingControlProps {
  state: FeedState;
  position: FeedPosition | undefined;
  error: unknown;
}

function stateText(state: FeedState, error: unknown, intervalMs: PollInterval): string {
  switch (state) {
    case 'off':
      return 'Off: changes by others show after a reload';
    case 'paused':
      return 'Paused while this tab is hidden';
    case 'starting':
      return 'Starting…';
    case 'failing':
      return `Polling failed: ${describeError(error)} Trying again every ${intervalLabel(intervalMs)}.`;
    case 'live':
      return `Live, every ${intervalLabel(intervalMs)}`;
  }
}

export function PollingControl({ state, position, error }: PollingControlProps) {
  const id = useId();
  const intervalMs = usePollingStore((s) => s.intervalMs);
  const setIntervalMs = usePollingStore((s) => s.setIntervalMs);

  return (
    <div className="polling-control">
      <label htmlFor={id}>Polling</label>
      <select
        id={id}
        value={intervalMs}
        onChange={(event) => setIntervalMs(Number(event.target.value) as PollInterval)}
      >
        {POLL_INTERVALS.map((ms) => (
          <option key={ms} value={ms}>
            {intervalLabel(ms)}
          </option>
        ))}
      </select>
      <span className={`polling-state polling-${state}`} role="status">
        <span className="status-dot" aria-hidden="true" />
        {stateText(state, error, intervalMs)}
      </span>
      {/* Outside the live region: a clock ticking every poll is not worth announcing. */}
      {state === 'live' && position && (
        <span className="polling-checked">
          checked {formatTime(position.checkedAt)}, feed at #{position.lastSeq}
        </span>
      )}
    </div>
  );
}
