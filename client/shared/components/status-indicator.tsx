export type StatusTone = 'good' | 'warn' | 'bad' | 'muted';

interface StatusIndicatorProps {
  name: string;
  label: string;
  tone: StatusTone;
  /** Longer explanation on hover; the visible label already carries the meaning. */
  title?: string;
}

/** One transport's state. The text label carries the meaning; the colour only repeats it. */
export function StatusIndicator({ name, label, tone, title }: StatusIndicatorProps) {
  return (
    <li className={`status-indicator status-${tone}`} title={title}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-name">{name}:</span>{' '}
      <span className="status-label">{label}</span>
    </li>
  );
}
