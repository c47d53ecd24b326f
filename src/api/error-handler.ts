import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** The one place that turns thrown errors into {error: {code, message, details}}. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.code === 'AUTH_RATE_LIMITED' && typeof error.details?.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    }
    return reply.status(error.status).send(body(error.code, error.message, error.details));
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const first = fastifyError.validation[0];
    const missing = first?.params && 'missingProperty' in first.params ? String(first.params.missingProperty) : undefined;
    const pointer = [first?.instancePath?.replace(/^\//, '').replaceAll('/', '.'), missing].filter(Boolean).join('.');
    const field = [fastifyError.validationContext, pointer].filter(Boolean).join('.');
    return reply.status(400).send(
      body('VALIDATION_FAILED', `Invalid ${field || 'request'}: ${first?.message ?? fastifyError.message}`, {
        field,
        problems: fastifyError.validation.map((v) => ({ path: v.instancePath, message: v.message, params: v.params })),
      }),
    );
  }
  if (fastifyError.statusCode === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(body('BATCH_TOO_LARGE', 'The request body is larger than the limit'));
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send(body('VALIDATION_FAILED', fastifyError.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal server error; see the server log' } });
}

function body(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
