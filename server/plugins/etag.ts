// ETag + 304 for successful GET JSON. A route that knows its version cheaply (a sequence number) sets the
// ETag header itself and this hook only answers the conditional request.
import fp from 'fastify-plugin';
import { etagOf, ifNoneMatchHits } from '../http/etag.js';

export default fp(
  async (fastify) => {
    // A callback hook, not an async one: it runs on every GET and never waits for anything.
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return done(null, payload);
      if (reply.statusCode !== 200) return done(null, payload);
      const type = String(reply.getHeader('content-type') ?? '');
      if (!type.startsWith('application/json')) return done(null, payload);
      let etag = reply.getHeader('etag') as string | undefined;
      if (!etag) {
        if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
        // Encoded once here, not once to hash and again to compress or write to the socket.
        const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
        payload = bytes;
        etag = etagOf(bytes);
        reply.header('etag', etag);
      }
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-length');
        return done(null, '');
      }
      done(null, payload);
    });
  },
  { name: 'etag' },
);
