import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../shared/components/error-boundary';
import { createQueryClient } from './query-client';

export function AppProvider({ children }: { children: ReactNode }) {
  // State, not a module constant: each mounted app (and each test) gets its own cache.
  const [queryClient] = useState(createQueryClient);

  return (
    <ErrorBoundary label="Switchboard" onReset={() => queryClient.resetQueries()}>
      <QueryClientProvider client={queryClient}>
        {/* Navigation renders synchronously so a navigation and a sign-in state change land in one render;
            nothing here suspends, so transitions would only add a window where the two disagree. */}
        <BrowserRouter useTransitions={false}>{children}</BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
