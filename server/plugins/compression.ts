// gzip/brotli for JSON (and the built client). The plugin's default type filter never compresses
// text/event-stream: compression buffers frames, and a stream that buffers is not live.
import fp from 'fastify-plugin';
import compress from '@fastify/compress';
import { constants } from 'node:zlib';

export default fp(
  async (fastify) => {
    await fastify.register(compress, {
      threshold: 1024,
      encodings: ['br', 'gzip', 'deflate'],
      // Brotli's default quality (11) costs more CPU than it saves on API-sized bodies.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: 'compression' },
);
