// Browser-facing protections: helmet headers with a CSP the app satisfies, CORS closed except for
// ALLOWED_ORIGINS, and writes refused when they come from a foreign origin (CSRF defence in depth beside
// SameSite=Lax cookies).
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The headers a middleware sets, run once against a recorder. Helmet's policy here is the same for every request
 * (no nonces, no functions of the request), so each response gets the recorded list through Fastify's reply, in
 * the one `writeHead` that sends the response, instead of a `setHeader` each on the raw response: those build a
 * per-response header table, which a long-lived event stream keeps for its whole life (about 1 KiB a stream).
 */
export function recordHeaders(middleware: Middleware): Record<string, string> {
  const headers: Record<string, string> = {};
  let finished = false;
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('the security headers middleware did not finish at once');
  return headers;
}

/** API answers (JSON, event streams) are never documents; the interactive docs under /api/docs are. */
export const isApiData = (url: string): boolean => url.startsWith('/api/') && !url.startsWith('/api/docs');

export default fp(
  async (fastify, opts: { allowedOrigins: string[] }) => {
    // Helmet itself, built once, its headers recorded once (see `recordHeaders`). The Fastify wrapper builds a new
    // helmet on every request (so that routes may vary it, which none here does): 10–15 µs of parsing the same
    // policy again for every API call.
    const documentHeaders = recordHeaders(
      helmet({
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
      }),
    );
    // API data gets the headers OWASP's REST Security Cheat Sheet lists for API responses: a CSP that allows
    // nothing (stricter than the page's, and a fifth of its length), no framing, no sniffing. The rest of helmet's
    // set only means something for a document. A response's header block stays in memory as long as the response
    // is open, so an event stream holds 900 bytes of headers with the page's set and 540 with this one.
    const apiHeaders = recordHeaders(
      helmet({
        contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
        xFrameOptions: { action: 'deny' },
        crossOriginOpenerPolicy: false,
        originAgentCluster: false,
        xDnsPrefetchControl: false,
        xDownloadOptions: false,
        xPermittedCrossDomainPolicies: false,
        xXssProtection: false,
        strictTransportSecurity: false,
      }),
    );
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.headers(isApiData(request.url) ? apiHeaders : documentHeaders);
      done();
    });

    // Only when some other site may call: with no origin allowed the plugin would still copy its options and
    // resolve `false` on every request, and answer nothing a 404 does not.
    if (opts.allowedOrigins.length) {
      await fastify.register(cors, { origin: opts.allowedOrigins, credentials: true });
    }

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
