import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../../shared/components/error-boundary';

/**
 * Every routed page sits in its own boundary; "Try again" also lets failed queries fetch afresh. A page loaded on
 * demand shows a line while its code arrives.
 */
export function RoutePanel({ label, children }: { label: string; children: ReactNode }) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <ErrorBoundary label={label} onReset={reset}>
      <Suspense fallback={<p className="route-loading" role="status">Loading {label}…</p>}>{children}</Suspense>
    </ErrorBoundary>
  );
}
