// Problem `type` URIs resolve here, so a developer who meets a code can look it up.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorCatalogue, errorCodes, type ErrorCode } from '../contract/errors.js';
import { ApiError } from '../http/problem.js';
import { problemResponses } from '../http/responses.js';

const problemRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/problems/:code',
    {
      schema: {
        tags: ['meta'],
        summary: 'Describe an error code',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ code: Type.String(), status: Type.Integer(), title: Type.String() }), ...problemResponses(404) },
      },
    },
    async (request) => {
      const code = request.params.code as ErrorCode;
      if (!errorCodes.includes(code)) throw new ApiError('not_found', `There is no error code ${request.params.code}.`);
      return { code, ...errorCatalogue[code] };
    },
  );
};

export default problemRoutes;
