// Every failed request surfaces as one of two errors, so the UI can branch on `instanceof` and a stable code:
// ApiError when the server answered with a problem, NetworkError when it could not be reached at all.
import type { ErrorCode, Problem } from '../../../server/contract/errors';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(options?: { cause?: unknown }) {
    super('Cannot reach the server. Check your connection and try again.', options);
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
