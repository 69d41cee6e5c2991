// The peer for REST throughput: a bare Fastify route that returns a fixed, pre-built 50-row page of orders.
// No session, no validation, no database, no compression: the ceiling the real route is measured against.
import Fastify from 'fastify';

const rows = Array.from({ length: 50 }, (_, i) => ({
  id: 1_000_000 - i,
  created_at: 1_790_000_000_000 - i * 60_000,
  updated_at: 1_790_000_000_000 - i * 60_000,
  customer: `Customer ${i}`,
  item: `Item ${i % 17}`,
  amount_cents: 1999 + i * 37,
  status: 'paid',
  version: 1,
}));
const page = { data: rows, meta: { limit: 50, has_more: true, next_cursor: 'x'.repeat(80), prev_cursor: null } };

const app = Fastify({ logger: false });
app.get('/orders', async () => page);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
