// The whole server as one Fastify plugin tree, built the same way by the entry point and by tests.
// Capabilities are plugins loaded in a fixed order; routes live under /api in their own context so unknown
// API paths are problems while the rest of the URL space belongs to the client.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { Env } from './config/env.js';
import { parseOrigins, parseTrustProxy } from './config/env.js';
import type { EventBus } from './bus/event-bus.js';
import errors, { frameworkProblem, notFoundProblem } from './plugins/errors.js';
import database from './plugins/database.js';
import bus from './plugins/bus.js';
import metrics from './plugins/metrics.js';
import security from './plugins/security.js';
import sessions from './plugins/sessions.js';
import rateLimit from './plugins/rate-limit.js';
import compression from './plugins/compression.js';
import etag from './plugins/etag.js';
import answerCache from './plugins/answer-cache.js';
import openapi from './plugins/openapi.js';
import socketIo from './plugins/socket-io.js';
import orders from './plugins/orders.js';
import ticker from './plugins/ticker.js';
import notifications from './plugins/notifications.js';
import orderNotifications from './plugins/order-notifications.js';
import chat from './plugins/chat.js';
import lab from './plugins/lab.js';
import staticClient from './plugins/static-client.js';
import healthRoutes from './routes/health.js';
import problemRoutes from './routes/problems.js';
import authRoutes from './routes/auth.js';
import orderRoutes from './routes/orders.js';
import orderChangeRoutes from './routes/order-changes.js';
import tickerRoutes from './routes/ticker.js';
import notificationRoutes from './routes/notifications.js';
import notificationStreamRoutes from './routes/notification-stream.js';
import roomRoutes from './routes/rooms.js';
import orderStreamRoutes from './routes/order-stream.js';
import labRoutes from './routes/lab.js';
import { bootstrapAdmin } from './auth/bootstrap-admin.js';

export interface AppConfig extends Env {
  SESSION_SECRET: string;
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  bus?: EventBus;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set on the first start only: the admin password that was generated, for the entry point to print once. */
    generatedAdminPassword: string | undefined;
  }
}

/**
 * On close, streams and held polls are told to go (their plugins' preClose hooks). A connection accepted as closing
 * began (a client's spare keep-alive socket, opened after an aborted request) may never send a request, and Node
 * closes idle connections only once: keep sweeping them, and cut whatever is still open after a few seconds, so no
 * client can hold the process to the hard deadline.
 */
function closePromptly(app: FastifyInstance): void {
  const server = app.server;
  app.addHook('preClose', async () => {
    const sweep = setInterval(() => server.closeIdleConnections(), 250).unref();
    const cut = setTimeout(() => server.closeAllConnections(), 3000).unref();
    server.once('close', () => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
  });
}

export const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(config: AppConfig, options: BuildOptions = {}) {
  const allowedOrigins = parseOrigins(config.ALLOWED_ORIGINS);
  const trustProxy = parseTrustProxy(config.TRUST_PROXY);

  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: {
      // Unknown fields are refused rather than silently dropped, and every bad field is named at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Set as the request arrives, so every answer carries it (errors and hijacked streams included) without an
  // async hook on every response.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  closePromptly(app);

  await app.register(errors);
  await app.register(database, { dataDir: config.DATA_DIR });
  await app.register(bus, { bus: options.bus });
  await app.register(metrics);
  await app.register(security, { allowedOrigins });
  await app.register(sessions, { secret: config.SESSION_SECRET });
  await app.register(rateLimit, { perMinute: config.RATE_LIMIT_PER_MINUTE });
  await app.register(compression);
  await app.register(etag);
  await app.register(answerCache, { maxBytes: config.ANSWER_CACHE_MB * 1024 * 1024 });
  await app.register(openapi);
  await app.register(socketIo, { allowedOrigins, trustProxy: trustProxy !== false });
  await app.register(orders, { seedOrders: config.SEED_ORDERS });
  await app.register(ticker, { rate: config.TICK_RATE });
  await app.register(notifications);
  await app.register(orderNotifications, { intervalMs: config.ORDER_NOTIFY_INTERVAL_MS });
  await app.register(chat);
  await app.register(lab);

  await app.register(
    async (api) => {
      api.setNotFoundHandler(notFoundProblem);
      await api.register(healthRoutes);
      await api.register(problemRoutes);
      await api.register(authRoutes, {
        prefix: '/auth',
        loginAttemptsPer5Min: config.LOGIN_ATTEMPTS_PER_5_MIN,
        registrationsPerHour: config.REGISTRATIONS_PER_HOUR,
      });
      await api.register(orderRoutes, { cursorSecret: config.SESSION_SECRET });
      await api.register(orderChangeRoutes);
      await api.register(tickerRoutes);
      await api.register(notificationRoutes);
      await api.register(notificationStreamRoutes, { heartbeatMs: config.SSE_HEARTBEAT_MS });
      await api.register(roomRoutes);
      await api.register(orderStreamRoutes, { heartbeatMs: config.SSE_HEARTBEAT_MS });
      await api.register(labRoutes);
    },
    { prefix: '/api' },
  );

  await app.register(staticClient, { clientDir: config.CLIENT_DIR });

  const { generatedPassword } = await bootstrapAdmin(app.repos.users, config.ADMIN_PASSWORD);
  app.decorate('generatedAdminPassword', generatedPassword);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
