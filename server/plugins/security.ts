// Browser-facing protections: helmet headers with a CSP the app satisfies, CORS closed except for
// ALLOWED_ORIGINS, and writes refused when they come from a foreign origin (CSRF defence in depth beside
// SameSite=Lax cookies).
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** True when a browser says the request was made by another site. Non-browser clients send no Origin. */
export function isForeignOrigin(
  origin: string | undefined,
  fetchSite: string | undefined,
  own: string,
  allowed: readonly string[],
): boolean {
  if (origin) return origin !== own && !allowed.includes(origin);
  return fetchSite === 'cross-site';
}

export default fp(
  async (fastify, opts: { allowedOrigins: string[] }) => {
    // Helmet itself, built once. The Fastify wrapper builds a new one on every request (so that routes may vary
    // it, which none here does): 10–15 µs of parsing the same policy again for every API call.
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Served over plain HTTP on a LAN this would rewrite every request to https and break the app.
          upgradeInsecureRequests: null,
        },
      },
      // HSTS only means something when the app is reached over HTTPS; a proxy that terminates TLS sets it.
      strictTransportSecurity: false,
    });
    fastify.addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
    });

    await fastify.register(cors, {
      origin: opts.allowedOrigins.length ? opts.allowedOrigins : false,
      credentials: true,
    });

    // A callback hook: it runs on every request, and an async one costs a promise each time even for reads.
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      if (isForeignOrigin(origin, typeof site === 'string' ? site : undefined, ownOrigin(request), opts.allowedOrigins)) {
        return done(new ApiError('foreign_origin', `Writes from ${origin ?? 'another site'} are not accepted`));
      }
      done();
    });
  },
  { name: 'security' },
);
