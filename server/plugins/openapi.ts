// The OpenAPI 3.1 document is generated from the same route schemas that validate requests, so it cannot
// drift from what the server accepts. Interactive docs at /api/docs.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Problem } from '../contract/errors.js';
import { User } from '../contract/auth.js';
import { SESSION_COOKIE } from '../contract/auth.js';

export default fp(
  async (fastify) => {
    fastify.addSchema(Problem);
    fastify.addSchema(User);
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Switchboard API',
          version: '1',
          description:
            'REST API of Switchboard. Errors are RFC 9457 problems (`application/problem+json`) with a stable `code`.',
        },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
        },
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });
    await fastify.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Swagger UI sets a few inline styles; allowed on its own pages only, the app keeps the strict policy.
      transformStaticCSP: (header) => header.replace(/style-src ([^;]*)/, "style-src $1 'unsafe-inline'"),
    });
    fastify.get('/api/openapi.json', { schema: { hide: true } }, async () => fastify.swagger());
  },
  { name: 'openapi' },
);
