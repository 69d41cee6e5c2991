// Prometheus metrics at GET /metrics: HTTP latency histograms by route, open connections by transport,
// and the process metrics prom-client collects. A registry per app, so tests can build many apps.
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type Transport = 'http' | 'sse' | 'websocket' | 'polling' | 'long_poll';

export interface ConnectionTracker {
  /** Counts one open connection; call the returned function when it closes (later calls do nothing). */
  open(transport: Transport): () => void;
  /**
   * The same without a function per connection, for those that number in thousands: the caller pairs each
   * `opened` with exactly one `closed`.
   */
  opened(transport: Transport): void;
  closed(transport: Transport): void;
  count(transport: Transport): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
    connections: ConnectionTracker;
  }
}

function createConnectionTracker(): ConnectionTracker {
  const open = new Map<Transport, number>();
  const tracker: ConnectionTracker = {
    opened: (transport) => void open.set(transport, (open.get(transport) ?? 0) + 1),
    closed: (transport) => void open.set(transport, (open.get(transport) ?? 1) - 1),
    open(transport) {
      tracker.opened(transport);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        tracker.closed(transport);
      };
    },
    count: (transport) => open.get(transport) ?? 0,
  };
  return tracker;
}

const TRANSPORTS: Transport[] = ['http', 'sse', 'websocket', 'polling', 'long_poll'];

export default fp(
  async (fastify) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
    const connections = createConnectionTracker();

    const duration = new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'HTTP request latency by route, method and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    new Gauge({
      name: 'switchboard_open_connections',
      help: 'Open connections by transport',
      labelNames: ['transport'] as const,
      registers: [registry],
      collect() {
        for (const t of TRANSPORTS) this.set({ transport: t }, connections.count(t));
      },
    });

    // One listener shared by every socket ('close' comes once per socket): a release function and Node's once()
    // wrapper per connection were 0.2 KiB of every idle one, and event streams keep thousands open.
    const httpClosed = () => connections.closed('http');
    fastify.server.on('connection', (socket: Socket) => {
      connections.opened('http');
      socket.on('close', httpClosed);
    });

    fastify.addHook('onResponse', async (request, reply) => {
      duration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    fastify.decorate('metrics', registry);
    fastify.decorate('connections', connections);

    fastify.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
