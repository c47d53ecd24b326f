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
  interface FastifyInstance {
    /** Every route registered, with the access it declared (for the 401/403 route tests). */
    routeCatalog: RouteCatalogEntry[];
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

export interface RouteCatalogEntry {
  method: string;
  url: string;
  permission: Permission | null;
  public: boolean;
}
