import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { registerAuthHooks } from './auth-hooks.js';
import { handleError } from './error-handler.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCollectionPointRoutes } from './routes/collection-points.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerEmployeeRoutes } from './routes/employees.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerReferenceRoutes } from './routes/reference.js';
import { type AcceptTraceBatch, registerTraceRoutes } from './routes/traces.js';
import { registerUserRoutes } from './routes/users.js';
import { DEFAULT_WEB_ROOT, registerStaticWeb } from './static-web.js';
import { VERSION } from './version.js';
import type { GridcareApp } from './types.js';

export interface BuildAppOptions {
  /** Folder of the built web app (default dist/web). */
  webRoot?: string;
  /** Pino logging; off unless asked (tests). */
  logger?: boolean;
  /** The ingest entry point for POST /api/v1/traces (default: src/ingest/trace-batch.ts). */
  acceptTraceBatch?: AcceptTraceBatch;
}

/** The Gridcare HTTP app, ready for app.inject() or app.listen(); it does not listen itself. */
export async function buildApp(
  config: Pick<Config, 'logLevel'>,
  db: Db,
  options: BuildAppOptions = {},
): Promise<GridcareApp> {
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    // One line per request is noise at info level; debug and trace show them.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // Trace batches of 10,000 items run to several megabytes.
    bodyLimit: 32 * 1024 * 1024,
    // Client addresses come from the socket: trusting X-Forwarded-For would let anyone dodge
    // the per-address login limit. Behind a reverse proxy this needs a config switch.
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  registerAuthHooks(app, db);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Gridcare API',
        version: VERSION,
        description: 'Customer-service intelligence for a power supply company. Log in with POST /api/v1/auth/login; the session cookie authorises every other call.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gridcare_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerHealthRoutes(app, db);
  registerAuthRoutes(app, db);
  registerCustomerRoutes(app, db);
  registerCaseRoutes(app, db);
  registerEmployeeRoutes(app, db);
  registerReferenceRoutes(app, db);
  registerCollectionPointRoutes(app, db);
  registerAuditRoutes(app, db);
  registerUserRoutes(app, db);
  registerTraceRoutes(app, db, options.acceptTraceBatch);
  await registerStaticWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
