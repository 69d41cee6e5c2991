// Strong ETags for successful GET JSON responses, with 304 on a matching If-None-Match.
// Hand-written instead of @fastify/etag: that plugin tags every method and status (a 401 or a POST answer
// could become a 304) and does not understand a list of tags in If-None-Match.
import { hash } from 'node:crypto';

export function etagOf(payload: string | Buffer): string {
  return `"${hash('sha1', payload, 'base64url')}"`;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags, or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}
