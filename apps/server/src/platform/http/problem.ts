import type { FieldError, Problem } from '@marque/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, RateLimitedError } from '../errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `https://marque.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}

/** zod issue paths (['body','amount']) become dotted field names ("amount"); the location is implied. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.') || 'body';
}

function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  if (error instanceof AppError) return problem(error.status, error.code, error.detail, error.errors);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => {
      const issuePath = (v.params.issue as { path?: PropertyKey[] } | undefined)?.path ?? [];
      const field = fieldName(issuePath.length ? issuePath : v.instancePath.split('/').filter(Boolean));
      return {
        field: field === 'body' && v.params.issue ? 'body' : field,
        code: String((v.params.issue as { code?: string } | undefined)?.code ?? v.keyword ?? 'invalid'),
        message: v.message ?? 'Invalid value',
      };
    });
    return problem(400, 'validation_failed', 'The request has invalid fields.', errors);
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'malformed_json', 'The request body is empty; send a JSON object.', [
        { field: 'body', code: 'required', message: 'A JSON body is required' },
      ]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'malformed_json', 'The request body is not valid JSON.', [
        { field: 'body', code: 'malformed_json', message: 'Not valid JSON' },
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body_too_large', 'The request body is too large.');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return problem(429, 'rate_limited', 'Too many requests; try again shortly.');
  }
  // Fastify's body parser raises a SyntaxError with statusCode 400 for malformed JSON.
  if (fe.statusCode === 400 && error instanceof SyntaxError) {
    return problem(400, 'malformed_json', 'The request body is not valid JSON.', [
      { field: 'body', code: 'malformed_json', message: 'Not valid JSON' },
    ]);
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problem(fe.statusCode, 'bad_request', fe.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return problem(500, 'internal_error', 'Something went wrong on our side. Try again shortly.');
}

/**
 * Every error leaves as problem+json. `pageFallback` serves the web app for unknown non-API
 * GETs (client-side routes such as /dealer or /accounts/ctr_...).
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendProblem(reply, toProblem(error, request));
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/metrics');
    if (pageFallback && isPage) return pageFallback(request, reply);
    return sendProblem(
      reply,
      problem(404, 'route_not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
    );
  });
}
