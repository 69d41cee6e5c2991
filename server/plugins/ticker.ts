// The activity ticker runs from the moment the app is ready and stops before anything closes, so it never
// writes into a closing database.
import fp from 'fastify-plugin';
import { createTicker, type Ticker } from '../orders/ticker.js';

declare module 'fastify' {
  interface FastifyInstance {
    ticker: Ticker;
  }
}

export default fp(
  async (fastify, opts: { rate: number }) => {
    const ticker = createTicker(fastify.orders, fastify.repos.orders, fastify.log);
    fastify.decorate('ticker', ticker);
    fastify.addHook('onReady', async () => ticker.setRate(opts.rate));
    fastify.addHook('preClose', async () => ticker.stop());
  },
  { name: 'ticker', dependencies: ['orders'] },
);
