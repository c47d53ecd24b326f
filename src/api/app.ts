import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import type { PortraitEngine } from '../portraits/engine/portrait-engine.js';
import { createPortraitEngine, startPortraitRefreshers } from '../portraits/portraits.js';
import { type QaWorkerOptions, startQaWorker } from '../qa/store/qa-worker.js';
import { registerAuthHooks } from './auth-hooks.js';
import { handleError } from './error-handler.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerCollectionPointRoutes } from './routes/collection-points.js';
import { registerConsumptionRoutes } from './routes/consumption.js';
import { registerCreditRoutes } from './routes/credit.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerEmployeeRoutes } from './routes/employees.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerPortraitRoutes } from './routes/portraits.js';
import { registerQaRoutes } from './routes/qa.js';
import { registerQaManualRoutes } from './routes/qa-manual.js';
import { registerQaSchemeRoutes } from './routes/qa-schemes.js';
import { registerReferenceRoutes } from './routes/reference.js';
import { registerSegmentRoutes } from './routes/segments.js';
import { registerSubjectPortraitRoutes } from './routes/subject-portraits.js';
import { type AcceptTraceBatch, registerTraceRoutes } from './routes/traces.js';
import { registerUserRoutes } from './routes/users.js';
import { DEFAULT_WEB_ROOT, registerStaticWeb } from './static-web.js';
import type { GridcareApp } from './types.js';
import { VERSION } from './version.js';

export interface BuildAppOptions {
  /** Folder of the built web app (default dist/web). */
  webRoot?: string;
  /** Pino logging; off unless asked (tests). */
  logger?: boolean;
  /** The ingest entry point for POST /api/v1/traces (default: src/ingest/trace-batch.ts). */
  acceptTraceBatch?: AcceptTraceBatch;
  /** The portrait engine the portrait routes compute missing portraits with (default: the shipped definitions). */
  portraitEngine?: PortraitEngine;
  /** Run the QA worker (inspects new calls, runs re-inspection jobs) while the app lives; off for most tests. */
  qaWorker?: boolean | QaWorkerOptions;
  /**
   * Run the portrait refreshers (recompute the portraits of subjects new data touched) and the
   * sweep (marks every portrait once per `sweepHours`, 0 never, so time windows slide); the
   * server does.
   */
  portraitRefresher?: { sweepHours: number };
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
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
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
        description:
          'Customer-service intelligence for a power supply company. Log in with POST /api/v1/auth/login; the session cookie authorises every other call.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gridcare_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerHealthRoutes(app, db);
  registerAuthRoutes(app, db);
  registerCustomerRoutes(app, db);
  registerCreditRoutes(app, db);
  registerConsumptionRoutes(app, db);
  const portraitEngine = options.portraitEngine ?? createPortraitEngine(db);
  // The live trained models' weights (complaint risk) are kept in the database.
  await portraitEngine.reloadCatalog();
  registerPortraitRoutes(app, db, portraitEngine);
  registerSubjectPortraitRoutes(app, db, portraitEngine);
  registerSegmentRoutes(app, db, portraitEngine);
  registerCaseRoutes(app, db);
  registerEmployeeRoutes(app, db);
  registerReferenceRoutes(app, db);
  registerCollectionPointRoutes(app, db);
  registerAuditRoutes(app, db);
  registerUserRoutes(app, db);
  registerTraceRoutes(app, db, options.acceptTraceBatch);
  registerQaRoutes(app, db);
  registerQaSchemeRoutes(app, db);
  registerQaManualRoutes(app, db);
  await registerStaticWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  if (options.portraitRefresher) {
    const stop = startPortraitRefreshers(
      db,
      portraitEngine,
      (error) => app.log.error({ err: error }, 'portrait refresh failed'),
      options.portraitRefresher,
    );
    app.addHook('onClose', stop);
  }
  if (options.qaWorker) {
    const worker = await startQaWorker(db, {
      ...(typeof options.qaWorker === 'object' ? options.qaWorker : {}),
      onError: (error) => app.log.error({ err: error }, 'QA worker batch failed'),
    });
    app.addHook('onClose', () => worker.stop());
  }
  return app;
}
