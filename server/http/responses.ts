// Shared response-schema fragments for route definitions.
import { Type } from 'typebox';

const problemRef = Type.Unsafe<import('../contract/errors.js').Problem>({ $ref: 'Problem' });

/** Declares the problem responses a route may give, for validation-free serialization and the OpenAPI doc. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemRef> {
  return Object.fromEntries(statuses.map((s) => [s, problemRef]));
}
