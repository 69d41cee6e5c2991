// ETag + 304 for successful GET JSON. A route that knows its version cheaply (a sequence number) sets the
// ETag header itself and this hook only answers the conditional request.
import fp from 'fastify-plugin';
import { etagOf, ifNoneMatchHits } from '../http/etag.js';

export default fp(
  async (fastify) => {
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200) return payload;
      const type = String(reply.getHeader('content-type') ?? '');
      if (!type.startsWith('application/json')) return payload;
      let etag = reply.getHeader('etag') as string | undefined;
      if (!etag) {
        if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
        etag = etagOf(payload);
        reply.header('etag', etag);
      }
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-length');
        return '';
      }
      return payload;
    });
  },
  { name: 'etag' },
);
