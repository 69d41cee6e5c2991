import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../shared/components/error-boundary';

/** Every routed page sits in its own boundary; "Try again" also lets failed queries fetch afresh. */
export function RoutePanel({ label, children }: { label: string; children: ReactNode }) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <ErrorBoundary label={label} onReset={reset}>
      {children}
    </ErrorBoundary>
  );
}
