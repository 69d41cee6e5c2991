// Reuse of finished answers for the routes that declare `config.answerCache`: GET answers that are the same for every
// signed-in user and whose data has a cheap version (the orders list: the change feed's head). The route's own
// preHandlers (the session check) still run first; only then is the answer looked up, and a miss is stored as it
// leaves, after the ETag and the compression, so a hit costs neither the database, the serializer, the hash nor the
// compressor. Hand-written: the cache plugins on npm key by URL and expire by time, and a poller one change behind is
// exactly what a live table must not be; see docs/decisions/ for the version rule.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import { AnswerCache } from '../http/answer-cache.js';

export interface AnswerCacheRoute {
  /**
   * The version of everything the answer is read from. It is read before the answer is, so an answer is never
   * stored under a version newer than its data; it must change with every write that could change the answer.
   */
  version(): number | string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    answerCache?: AnswerCacheRoute;
  }
  interface FastifyInstance {
    answerCache: AnswerCache;
  }
}

export interface AnswerCachePluginOptions {
  /** 0 turns reuse off. */
  maxBytes: number;
}

/** What describes a stored body; per-request headers (request id, security, timing) are set afresh on every answer. */
const KEPT_HEADERS = ['content-type', 'content-encoding', 'vary', 'etag', 'link', 'cache-control'] as const;

const asArray = <T>(hooks: T | T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

export default fp<AnswerCachePluginOptions>(
  async (fastify, opts) => {
    const cache = new AnswerCache(opts.maxBytes);
    const lookups = new Counter({
      name: 'switchboard_answer_cache_lookups_total',
      help: 'Reusable answers looked up, by result (hit, miss)',
      labelNames: ['result'] as const,
      registers: [fastify.metrics],
    });
    new Gauge({
      name: 'switchboard_answer_cache_entries',
      help: 'Answers kept for reuse',
      registers: [fastify.metrics],
      collect() {
        this.set(cache.size);
      },
    });
    const hits = lookups.labels('hit');
    const misses = lookups.labels('miss');
    const missOf = new WeakMap<FastifyRequest, { key: string; version: number | string }>();

    /** The request's encoding preference is part of the key: the stored body is what compression made of it. */
    const keyOf = (request: FastifyRequest) => `${request.url}\n${request.headers['accept-encoding'] ?? ''}`;
    // A client that asks for no compression changes what the compressor does without changing the key.
    const reusable = (request: FastifyRequest) => request.method === 'GET' && request.headers['x-no-compression'] === undefined;

    function lookupFor(route: AnswerCacheRoute): preHandlerHookHandler {
      return function lookUpAnswer(request: FastifyRequest, reply: FastifyReply, done: () => void) {
        if (!cache.enabled || !reusable(request)) return done();
        const version = route.version();
        const key = keyOf(request);
        const answer = cache.get(key, version);
        if (!answer) {
          misses.inc();
          missOf.set(request, { key, version });
          return done();
        }
        hits.inc();
        // The ETag hook still answers If-None-Match with a 304; the compressor leaves an encoded body alone.
        reply.headers(answer.headers).header('server-timing', 'db;dur=0, cache;desc="hit"').send(answer.body);
      };
    }

    const storeAnswer: onSendHookHandler = (request, reply, payload, done) => {
      const miss = missOf.get(request);
      if (!miss || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return done(null, payload);
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      cache.set(miss.key, { version: miss.version, headers, body });
      done(null, body);
    };

    // Added per route as it is declared: the compressor's onSend (added the same way, by a plugin registered
    // earlier) is already in the list, so storing comes after it and keeps the compressed bytes.
    fastify.addHook('onRoute', (route) => {
      const declared = route.config?.answerCache;
      if (!declared) return;
      route.preHandler = [...asArray(route.preHandler), lookupFor(declared)];
      route.onSend = [...asArray(route.onSend), storeAnswer];
    });
    fastify.decorate('answerCache', cache);
  },
  { name: 'answer-cache', dependencies: ['metrics', 'compression', 'etag'] },
);
