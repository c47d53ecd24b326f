import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '../auth/actor.js';
import type { Permission } from '../auth/permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs; every /api route declares one or `public: true`. */
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyRequest {
    /** Set by the auth hook for every non-public /api route. */
    actor: Actor | null;
  }
}

export type GridcareApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
