import { Type } from '@fastify/type-provider-typebox';
import { resolveCustomerFor } from '../../customers/customer-access.js';
import type { Db } from '../../db/db.js';
import { consumptionView } from '../../portraits/consumption/consumption-view.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { CustomerNoParams } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { LanguageQuery } from './customers.js';

export function registerConsumptionRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/customers/:no/consumption',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags: ['portraits'],
        summary:
          'Consumption pattern (用电规律): figures, patterns and advice with the thresholds behind them, the last 90 days, months against the area peers',
        params: CustomerNoParams,
        querystring: Type.Object(LanguageQuery),
      },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      return consumptionView(db, customer.customerId, lang);
    },
  );
}
