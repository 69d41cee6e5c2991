// Accounts: register, sign in, sign out, who am I. Sign-in failures are throttled per username and address,
// and the answer never says which half of the credentials was wrong.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Credentials, isReservedUsername, LoginRequest, SESSION_COOKIE, User } from '../contract/auth.js';
import { Type } from 'typebox';
import { ApiError } from '../http/problem.js';
import { problemResponses } from '../http/responses.js';
import { burnVerification, hashPassword, verifyPassword } from '../auth/passwords.js';
import { UsernameTakenError } from '../auth/users-repository.js';

export interface AuthRouteOptions {
  loginAttemptsPer5Min: number;
  registrationsPerHour: number;
}

const FIVE_MINUTES = 5 * 60 * 1000;

const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (fastify, opts) => {
  const failedLoginsPerAccount = fastify.createRateLimit({
    max: opts.loginAttemptsPer5Min,
    timeWindow: FIVE_MINUTES,
    keyGenerator: (req) => `login:${req.ip}:${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}`,
  });
  // Password spraying tries one password on many names: cap failures per address too.
  const failedLoginsPerAddress = fastify.createRateLimit({
    max: opts.loginAttemptsPer5Min * 10,
    timeWindow: FIVE_MINUTES,
    keyGenerator: (req) => `login-ip:${req.ip}`,
  });
  const registrations = fastify.createRateLimit({
    max: opts.registrationsPerHour,
    timeWindow: 60 * 60 * 1000,
    keyGenerator: (req) => `register:${req.ip}`,
  });

  function tooMany(ttlMs: number, what: string): ApiError {
    const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
    return new ApiError('rate_limited', `${what} Try again in ${seconds} s.`, {
      retryAfter: seconds,
      headers: { 'retry-after': String(seconds) },
    });
  }

  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number) {
    const { token, expiresAt } = await fastify.sessions.create(userId);
    fastify.setSessionCookie(reply, request, token, expiresAt);
  }

  fastify.post(
    '/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in',
        body: Credentials,
        response: { 201: User, ...problemResponses(400, 403, 409, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      // Checked before the rate limit, like the schema: a refused name does not spend the address's budget.
      if (isReservedUsername(request.body.username)) {
        throw new ApiError('validation_failed', 'body.username is reserved', { errors: [{ field: 'body.username', message: 'is reserved' }] });
      }
      const limit = await registrations(request);
      if (!limit.isAllowed && limit.isExceeded) throw tooMany(limit.ttl, 'Too many accounts created from this address.');
      try {
        const user = await fastify.repos.users.create({
          username: request.body.username,
          passwordHash: await hashPassword(request.body.password),
        });
        await startSession(request, reply, user.id);
        return reply.code(201).send(user);
      } catch (error) {
        if (error instanceof UsernameTakenError) {
          throw new ApiError('username_taken', `The username ${request.body.username.toLowerCase()} is taken.`);
        }
        throw error;
      }
    },
  );

  fastify.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        body: LoginRequest,
        response: { 200: User, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      for (const limiter of [failedLoginsPerAccount, failedLoginsPerAddress]) {
        // A peek: only failures are counted, and the budget is spent once `max` failures are recorded.
        const status = await limiter(request, { increment: false });
        if (!status.isAllowed && (status.isExceeded || status.remaining <= 0)) {
          throw tooMany(status.ttl, 'Too many failed sign-ins.');
        }
      }
      const { username, password } = request.body;
      const row = await fastify.repos.users.findByUsername(username);
      const ok = row ? await verifyPassword(row.password_hash, password) : (await burnVerification(password), false);
      if (!row || !ok) {
        await failedLoginsPerAccount(request);
        await failedLoginsPerAddress(request);
        throw new ApiError('invalid_credentials', 'The username or the password is wrong.');
      }
      await startSession(request, reply, row.id);
      return { id: row.id, username: row.username, role: row.role };
    },
  );

  fastify.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session everywhere it is used)', response: { 204: Type.Null({ description: 'Signed out' }), ...problemResponses(403) } } },
    async (request, reply) => {
      const raw = request.cookies[SESSION_COOKIE];
      const token = raw ? request.unsignCookie(raw) : undefined;
      if (token?.valid && token.value) {
        const auth = await fastify.sessions.authenticate(token.value);
        if (auth) await fastify.sessions.revoke(auth.sessionId, 'signed_out');
      }
      fastify.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/me',
    {
      preHandler: fastify.requireUser,
      schema: { tags: ['auth'], summary: 'The signed-in user', security: [{ session: [] }], response: { 200: User, ...problemResponses(401) } },
    },
    async (request) => request.auth!.user,
  );
};

export default authRoutes;
