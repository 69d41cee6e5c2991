// Turns any non-2xx response into a Problem. The server always sends problem+json, but a proxy in between
// (dev server, load balancer) may answer with HTML or nothing, and the UI still needs a code and a sentence.
import { isProblem, problemTypeUri, type ErrorCode, type Problem } from '../../../server/contract/errors';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'not_ready',
};

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function problemFromResponse(response: Response): Promise<Problem> {
  const body = await readBody(response);
  const retryAfter = retryAfterSeconds(response);
  if (isProblem(body)) {
    return { ...body, detail: body.detail || body.title, retryAfter: body.retryAfter ?? retryAfter };
  }
  const code = codeByStatus[response.status] ?? 'internal';
  const title = response.statusText || 'Request failed';
  return {
    type: problemTypeUri(code),
    title,
    status: response.status,
    detail: `The server answered ${response.status} ${title}.`,
    code,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  };
}
