// Serves the built client from the same process: hashed assets are cached for a year, index.html is always
// revalidated (so a deploy is picked up at once), and client routes fall back to index.html.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundProblem } from './errors.js';

export function cacheControlFor(path: string): string {
  if (/[/\\]assets[/\\]/.test(path)) return 'public, max-age=31536000, immutable';
  if (path.endsWith('index.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/** A page load: a browser asking for HTML, or any client asking for a path that is not a file (`/`, `/data`). */
function wantsHtml(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return (request.headers.accept ?? '').includes('text/html') || !/\.[a-z0-9]+$/i.test(path);
}

export default fp(
  async (fastify, opts: { clientDir: string }) => {
    const root = resolve(opts.clientDir);
    const hasClient = existsSync(resolve(root, 'index.html'));
    if (!hasClient) fastify.log.warn({ root }, 'no built client found: serving the API only (run `npm run build`)');
    else {
      await fastify.register(fastifyStatic, {
        root,
        wildcard: false,
        index: false,
        setHeaders: (reply, path) => {
          reply.header('cache-control', cacheControlFor(path));
        },
      });
    }

    fastify.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      const isApi = request.url === '/api' || request.url.startsWith('/api/');
      if (hasClient && !isApi && wantsHtml(request)) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return notFoundProblem(request, reply);
    });
  },
  { name: 'static-client' },
);
