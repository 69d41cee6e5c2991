// Building RFC 9457 problems. Routes throw `ApiError`; the error handler turns everything into a problem.
import { errorCatalogue, problemTypeUri, type ErrorCode, type FieldError, type Problem } from '../contract/errors.js';

export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfter?: number;
      headers?: Record<string, string>;
      /** RFC 9457 extension members, e.g. the current version of what a 412 refused to change. */
      members?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.statusCode = errorCatalogue[code].status;
  }
}

export function problem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = errorCatalogue[code];
  return { type: problemTypeUri(code), title, status, detail, code, ...extra };
}
