import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { customer360 } from '../../customers/customer-360.js';
import { resolveCustomerFor } from '../../customers/customer-access.js';
import { searchCustomers } from '../../customers/customer-search.js';
import { PII_FIELDS } from '../../customers/masking.js';
import { listTraces } from '../../customers/trace-timeline.js';
import { unmaskCustomer } from '../../customers/unmask.js';
import { listCustomerWorkOrders } from '../../customers/work-orders.js';
import { actorOf } from '../auth-hooks.js';
import { LANGUAGE_VALUES, requestLanguage } from '../language.js';
import { CustomerNoParams, page, Paging } from '../schemas.js';
import type { GridcareApp } from '../types.js';

/** `?lang=` of endpoints that return server-built text; Accept-Language is read when absent. */
export const LanguageQuery = {
  lang: Type.Optional(
    Type.Union(LANGUAGE_VALUES.map((l) => Type.Literal(l)), {
      description: 'Language of summaries (zh-CN or en); defaults to the Accept-Language header, then zh-CN',
    }),
  ),
};

export const TimelineQuery = Type.Object({
  channel: Type.Optional(Type.String({ maxLength: 200, description: 'One channel or several, comma-separated' })),
  type: Type.Optional(Type.String({ maxLength: 400, description: 'One trace type or several, comma-separated' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive, ISO 8601' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive, ISO 8601' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  ...LanguageQuery,
  ...Paging,
});

export function registerCustomerRoutes(app: GridcareApp, db: Db): void {
  const tags = ['customers'];
  app.get(
    '/api/v1/customers',
    {
      config: { permission: 'customer:read' },
      schema: {
        tags,
        summary: 'Search customers in scope: number or name prefix, phone tail (4 digits), meter number, any identity',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })), ...Paging }),
      },
    },
    async (request) => searchCustomers(db, actorOf(request), { q: request.query.q, ...page(request.query) }),
  );

  app.get(
    '/api/v1/customers/:no',
    { config: { permission: 'customer:read' }, schema: { tags, summary: 'Customer 360 view (PII masked)', params: CustomerNoParams } },
    async (request) => customer360(db, await resolveCustomerFor(db, actorOf(request), request.params.no)),
  );

  app.get(
    '/api/v1/customers/:no/timeline',
    {
      config: { permission: 'customer:read' },
      schema: { tags, summary: 'All traces of the customer, newest first, across channels', params: CustomerNoParams, querystring: TimelineQuery },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      return listTraces(db, { customerId: customer.customerId }, { ...request.query, ...page(request.query) }, lang);
    },
  );

  app.get(
    '/api/v1/customers/:no/work-orders',
    { config: { permission: 'customer:read' }, schema: { tags, summary: "The customer's work orders, newest first", params: CustomerNoParams } },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      return { items: await listCustomerWorkOrders(db, customer.customerId) };
    },
  );

  app.post(
    '/api/v1/customers/:no/unmask',
    {
      config: { permission: 'customer:pii_unmask' },
      schema: {
        tags,
        summary: 'Reveal masked personal data; the reason is written to the audit log',
        params: CustomerNoParams,
        body: Type.Object({
          fields: Type.Array(Type.Union(PII_FIELDS.map((f) => Type.Literal(f))), { minItems: 1, maxItems: PII_FIELDS.length }),
          reason: Type.String({ maxLength: 500 }),
        }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const customer = await resolveCustomerFor(db, actor, request.params.no);
      const values = await unmaskCustomer(db, actor, customer, request.body.fields, request.body.reason);
      return { customerNo: customer.customerNo, values };
    },
  );
}
