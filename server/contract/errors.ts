// The one catalogue of error codes and the RFC 9457 problem shape, shared by server and client.
// A code is stable: clients branch on it, never on `title` or `detail`.
import { Type, type Static } from 'typebox';

export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  invalid_json: { status: 400, title: 'The request body is not valid JSON' },
  bad_request: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  invalid_credentials: { status: 401, title: 'Wrong username or password' },
  forbidden: { status: 403, title: 'Not allowed' },
  foreign_origin: { status: 403, title: 'Cross-site request refused' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  username_taken: { status: 409, title: 'That username is taken' },
  conflict: { status: 409, title: 'Conflict' },
  precondition_failed: { status: 412, title: 'The resource has changed' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  not_ready: { status: 503, title: 'The service is not ready' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** Problem types are relative URIs that resolve to a page describing the code. */
export const problemTypeUri = (code: ErrorCode): string => `/api/problems/${code}`;

export const FieldError = Type.Object({
  field: Type.String({ description: 'Where the bad value is, e.g. `body.username` or `query.page`' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Unsafe<ErrorCode>(Type.String({ enum: errorCodes })),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a 5xx' })),
    errors: Type.Optional(Type.Array(FieldError)),
    retryAfter: Type.Optional(Type.Integer({ description: 'Seconds, mirrors the Retry-After header' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.title === 'string';
}
