import { ApiError, NetworkError } from './api-error';

function formatWait(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `about ${Math.round(seconds / 60)} minutes`;
}

/** The sentence to show a person for any thrown value: the server's own `detail` when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const { detail, retryAfter } = error.problem;
    if (error.code === 'rate_limited' && retryAfter !== undefined && !detail.includes(String(retryAfter))) {
      return `${detail} Try again in ${formatWait(retryAfter)}.`;
    }
    return detail;
  }
  if (error instanceof NetworkError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
