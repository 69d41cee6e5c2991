import type { Problem } from '../../../server/contract/errors';

/**
 * Maps the problem's per-field messages to form field names. The server names fields by where they were
 * found (`body.username`, `query.page`); a form only knows `username`. The first message per field wins.
 */
export function fieldErrorsFromProblem(problem: Problem): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) {
    const name = field.replace(/^(body|query|path|params|header|headers)[./]/, '').replace(/^\//, '');
    if (name && !(name in byField)) byField[name] = message;
  }
  return byField;
}
