import { useId } from 'react';
import { describeError } from '../api/describe-error';

interface ErrorPanelProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retryLabel?: string;
}

/** Says what failed and why, with one way forward. Used by error boundaries and failed queries alike. */
export function ErrorPanel({ title, error, onRetry, retryLabel = 'Try again' }: ErrorPanelProps) {
  const titleId = useId();
  return (
    <section className="card error-panel" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </section>
  );
}
