// One error handler for the whole API: every error leaves as an RFC 9457 problem with a stable code.
// 4xx explain themselves; 5xx say nothing about internals and carry the request id that the log has.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ErrorCode, type FieldError, type Problem } from '../contract/errors.js';
import { ApiError, problem } from '../http/problem.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'path', headers: 'header' };

export function fieldErrors(issues: AjvIssue[], context: string | undefined): FieldError[] {
  const prefix = CONTEXT_NAMES[context ?? 'body'] ?? context ?? 'body';
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'required') path.push(String(issue.params.missingProperty));
    if (issue.keyword === 'additionalProperties') {
      path.push(String(issue.params.additionalProperty));
      return { field: [prefix, ...path].join('.'), message: 'is not an allowed field' };
    }
    const message = issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is not valid');
    return { field: [prefix, ...path].join('.'), message };
  });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
};

function toProblem(error: FastifyError | ApiError, request: FastifyRequest): Problem {
  if (error instanceof ApiError) {
    const { errors, retryAfter, members } = error.extra;
    return problem(error.code, error.detail, {
      ...members,
      ...(errors && { errors }),
      ...(retryAfter !== undefined && { retryAfter }),
    });
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation as AjvIssue[], error.validationContext);
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    return problem('validation_failed', detail, { errors });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return problem(mapped, error.message);
  const status = error.statusCode ?? 500;
  if (status === 429) return problem('rate_limited', error.message);
  if (status === 404) return problem('not_found', error.message);
  if (status === 405) return problem('method_not_allowed', error.message);
  if (status >= 400 && status < 500) return problem('bad_request', error.message, { status });
  return problem('internal', `The error was logged with request id ${request.id}.`, { requestId: request.id });
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * The router's own refusals, met before any route or hook (a malformed percent-encoding, a path parameter over
 * the router's limit), which Fastify would otherwise answer with plain JSON that echoes the whole path back.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem('bad_request', 'A part of the path is too long.', { status: 414 })
      : error.code === 'FST_ERR_BAD_URL'
        ? problem('bad_request', 'The path is not valid: it holds a malformed percent-encoding.')
        : problem('bad_request', error.message, { status: error.statusCode ?? 400 });
  request.log.info({ code: error.code }, 'request refused by the router');
  sendProblem(reply, body);
}

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}

export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
      const body = toProblem(error, request);
      if (body.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: body.code, detail: body.detail }, 'request refused');
      if (error instanceof ApiError && error.extra.headers) reply.headers(error.extra.headers);
      return sendProblem(reply, body);
    });
  },
  { name: 'errors' },
);
