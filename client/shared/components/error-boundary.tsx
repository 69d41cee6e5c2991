// React only catches render errors in class components. Each panel gets its own boundary so one broken
// page leaves the header, the navigation and the other pages usable.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface ErrorBoundaryProps {
  /** What this boundary protects, in words a person understands: "Data", "Switchboard". */
  label: string;
  children: ReactNode;
  /** Called before re-rendering the children, e.g. to reset failed queries so they fetch again. */
  onReset?: () => void;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label} failed to render`, error, info.componentStack);
  }

  private readonly reset = () => {
    this.props.onReset?.();
    this.setState({ error: undefined, failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const title = `${this.props.label} could not be shown`;
    return <ErrorPanel title={title} error={this.state.error} onRetry={this.reset} />;
  }
}
