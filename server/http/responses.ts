// Shared response-schema fragments for route definitions.
import { Type } from 'typebox';
import type { Problem } from '../contract/errors.js';

const problemRef = Type.Unsafe<Problem>({ $ref: 'Problem' });

/** Declares the problem responses a route may give, for validation-free serialization and the OpenAPI doc. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemRef> {
  return Object.fromEntries(statuses.map((s) => [s, problemRef]));
}
