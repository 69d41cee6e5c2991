// Cookie sessions shared by every transport: REST routes use the `requireUser`/`requireAdmin` hooks, event
// streams the same hooks, and the Socket.IO handshake calls `authenticateCookieHeader`.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { SESSION_COOKIE } from '../contract/auth.js';
import { ApiError } from '../http/problem.js';
import { createSessionService, type AuthenticatedSession, type SessionService } from '../auth/session-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService;
    /** The request's session token if its cookie carries a valid signature (checked once per request), else null. */
    sessionToken(request: FastifyRequest): string | null;
    /** Resolves a raw `Cookie` header (as sent on a WebSocket handshake) to a session. */
    authenticateCookieHeader(header: string | undefined): Promise<AuthenticatedSession | null>;
    requireUser: preHandlerAsyncHookHandler;
    requireAdmin: preHandlerAsyncHookHandler;
    setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: number): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
  interface FastifyRequest {
    /** Set by `requireUser`/`requireAdmin`; null on routes that do not require a session. */
    auth: AuthenticatedSession | null;
  }
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

export default fp(
  async (fastify, opts: { secret: string }) => {
    await fastify.register(cookie, { secret: opts.secret, hook: 'onRequest' });
    const sessions = createSessionService(fastify.repos.sessions, fastify.bus);
    fastify.decorate('sessions', sessions);
    fastify.decorateRequest('auth', null);

    function tokenOf(raw: string | undefined): string | null {
      if (!raw) return null;
      const unsigned = fastify.unsignCookie(raw);
      return unsigned.valid && unsigned.value ? unsigned.value : null;
    }

    // The rate limit keys requests by session and `requireUser` authenticates them: one HMAC check serves both.
    const tokens = new WeakMap<FastifyRequest, string | null>();
    fastify.decorate('sessionToken', (request: FastifyRequest) => {
      let token = tokens.get(request);
      if (token === undefined) {
        token = tokenOf(request.cookies[SESSION_COOKIE]);
        tokens.set(request, token);
      }
      return token;
    });

    fastify.decorate('authenticateCookieHeader', async (header: string | undefined) => {
      if (!header) return null;
      const token = tokenOf(fastify.parseCookie(header)[SESSION_COOKIE]);
      return token ? sessions.authenticate(token) : null;
    });

    const requireUser: preHandlerAsyncHookHandler = async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      const token = fastify.sessionToken(request);
      request.auth = token ? await sessions.authenticate(token) : null;
      if (!request.auth) {
        // A cookie that no longer works is removed, so the browser stops sending it.
        if (raw) fastify.clearSessionCookie(reply);
        throw new ApiError('unauthenticated', raw ? 'Your session has ended; sign in again.' : 'Sign in to continue.');
      }
    };
    fastify.decorate('requireUser', requireUser);
    fastify.decorate('requireAdmin', async function (this: unknown, request, reply) {
      await requireUser.call(fastify, request, reply);
      if (request.auth?.user.role !== 'admin') throw new ApiError('forbidden', 'Only an admin can do this.');
    } as preHandlerAsyncHookHandler);

    fastify.decorate('setSessionCookie', (reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: number) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        signed: true,
        expires: new Date(expiresAt),
      });
    });
    fastify.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });

    const purge = setInterval(() => {
      sessions.purgeExpired().catch((err: unknown) => fastify.log.warn({ err }, 'expired session purge failed'));
    }, PURGE_EVERY_MS);
    purge.unref();
    fastify.addHook('onClose', async () => {
      clearInterval(purge);
      sessions.close();
    });
  },
  { name: 'sessions', dependencies: ['database', 'bus'] },
);
