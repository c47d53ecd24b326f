import { Type } from '@fastify/type-provider-typebox';
import { resolveCustomerFor } from '../../customers/customer-access.js';
import type { Db } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { customerPortrait, explainCustomerElement } from '../../portraits/customer-portrait.js';
import { describeCatalog } from '../../portraits/describe-catalog.js';
import type { PortraitEngine } from '../../portraits/engine/portrait-engine.js';
import { portraitHistory } from '../../portraits/portrait-history.js';
import { addPortraitNote, listPortraitNotes } from '../../portraits/portrait-notes.js';
import { actorOf } from '../auth-hooks.js';
import { CustomerNoParams } from '../schemas.js';
import type { GridcareApp } from '../types.js';

const AsOfQuery = {
  asOf: Type.Optional(
    Type.String({ format: 'date-time', description: 'Answer as known at this time (ISO 8601); current when absent' }),
  ),
};

export function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new AppError('VALIDATION_FAILED', `asOf must be an ISO 8601 time (got ${value})`, 400, { field: 'asOf' });
  return at;
}

export function registerPortraitRoutes(app: GridcareApp, db: Db, engine: PortraitEngine): void {
  const tags = ['portraits'];

  app.get(
    '/api/v1/portraits/definitions',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary: 'Every portrait definition (features, tags with strategies, scores, grades) with its version',
      },
    },
    async () => describeCatalog(engine.catalog),
  );

  app.get(
    '/api/v1/customers/:no/portrait',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary: 'The customer portrait: tags by dimension, scores, grades, strategies, features',
        params: CustomerNoParams,
        querystring: Type.Object(AsOfQuery),
      },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      const portrait = await customerPortrait(db, engine, customer, parseAsOf(request.query.asOf));
      return { ...portrait, notes: await listPortraitNotes(db, customer) };
    },
  );

  app.get(
    '/api/v1/customers/:no/portrait/why',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Why the customer holds (or does not hold) a tag, score or grade: condition outcomes, feature values and the rows behind them',
        params: CustomerNoParams,
        querystring: Type.Object({
          element: Type.String({
            pattern: '^(tag|score|grade):[a-z0-9_]+$',
            description: 'tag:<code>, score:<code> or grade:<code>',
          }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
          ...AsOfQuery,
        }),
      },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      const holder = (
        await db.query<{ name: string; customer_type: string; address: string | null }>(
          'SELECT name, customer_type, address FROM customer WHERE customer_id = $1',
          [customer.customerId],
        )
      )[0];
      if (!holder) throw new AppError('NOT_FOUND', `Customer ${customer.customerNo} not found`, 404);
      const asOf = parseAsOf(request.query.asOf);
      return explainCustomerElement(db, engine, customer, request.query.element, {
        holder,
        ...(asOf ? { asOf } : {}),
        itemLimit: request.query.limit ?? 10,
      });
    },
  );

  app.get(
    '/api/v1/customers/:no/portrait/history',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary: 'Validity periods of the customer portrait: tags and grades in each period',
        params: CustomerNoParams,
      },
    },
    async (request) => {
      const customer = await resolveCustomerFor(db, actorOf(request), request.params.no);
      return { items: await portraitHistory(db, customer.customerId) };
    },
  );

  app.post(
    '/api/v1/customers/:no/portrait/notes',
    {
      config: { permission: 'portrait:annotate' },
      schema: {
        tags,
        summary: 'Add a note to, confirm or dispute a portrait element (C9); audited',
        params: CustomerNoParams,
        body: Type.Object({
          element: Type.String({ minLength: 1, maxLength: 80 }),
          stance: Type.Union([Type.Literal('confirm'), Type.Literal('dispute'), Type.Literal('comment')]),
          note: Type.String({ minLength: 1, maxLength: 2000 }),
          supersedes: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const customer = await resolveCustomerFor(db, actor, request.params.no);
      const note = await addPortraitNote(db, actor, customer, request.body);
      return reply.code(201).send(note);
    },
  );
}
