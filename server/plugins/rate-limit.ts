// A generous per-client limit that stops floods without getting in the way of normal use (a page polling
// every 250 ms is 240 requests a minute). Sign-in guessing has its own, much tighter limit in the auth routes.
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../http/problem.js';

export default fp(
  async (fastify, opts: { perMinute: number }) => {
    await fastify.register(rateLimit, {
      max: opts.perMinute,
      timeWindow: 60_000,
      cache: 50_000,
      // A signed-in user is one bucket wherever they connect from; a forged cookie fails the signature
      // check and falls back to the address, so rotating cookies buys nothing.
      keyGenerator: (request) => {
        const token = fastify.sessionToken(request);
        return token ? `s:${token}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        new ApiError('rate_limited', `Too many requests: the limit is ${context.max} per ${context.after}.`, {
          retryAfter: Math.ceil(context.ttl / 1000),
        }),
    });
  },
  { name: 'rate-limit', dependencies: ['sessions'] },
);
