import { Type } from '@fastify/type-provider-typebox';
import { resolveCustomerFor } from '../../customers/customer-access.js';
import type { Db } from '../../db/db.js';
import { creditReport } from '../../portraits/credit/credit-report.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { CustomerNoParams } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { LanguageQuery } from './customers.js';

export function registerCreditRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/customers/:no/credit',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags: ['portraits'],
        summary: 'Credit grade (信用等级, A–E) with its monthly ledger and the delta table that explains it',
        params: CustomerNoParams,
        querystring: Type.Object(LanguageQuery),
      },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      return creditReport(db, customer, lang);
    },
  );
}
