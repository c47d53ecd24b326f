/** QA workbench: results, call detail with hits, manual review, appeals (docs/qa.md). */
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { decideAppeal, fileAppeal } from '../../qa/store/appeal-actions.js';
import { getAppealRow, listAppeals } from '../../qa/store/appeals.js';
import { callDetail } from '../../qa/store/call-detail.js';
import { resolveCallFor } from '../../qa/store/qa-access.js';
import { listResults } from '../../qa/store/results-query.js';
import { addReview } from '../../qa/store/reviews.js';
import { actorOf } from '../auth-hooks.js';
import { Paging, page } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { CallIdParams, Id, OptionalPeriod, Text } from './qa-schemas.js';

export function registerQaRoutes(app: GridcareApp, db: Db): void {
  const tags = ['qa'];
  app.get(
    '/api/v1/qa/results',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Current QA results in scope (agents: their own calls), newest call first',
        querystring: Type.Object({
          ...OptionalPeriod,
          minScore: Type.Optional(Type.Number({ minimum: 0 })),
          maxScore: Type.Optional(Type.Number({ minimum: 0 })),
          rule: Type.Optional(Type.String({ maxLength: 120 })),
          agent: Type.Optional(Type.String({ maxLength: 64 })),
          orgUnit: Type.Optional(Type.String({ maxLength: 64 })),
          flagged: Type.Optional(Type.Boolean()),
          topic: Type.Optional(Id),
          ...Paging,
        }),
      },
    },
    async (request) => listResults(db, actorOf(request), { ...request.query, ...page(request.query) }),
  );

  app.get(
    '/api/v1/qa/calls/:callId',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'A call with its masked transcript, result, hits (turn and character span), reviews and appeals',
        params: CallIdParams,
        querystring: Type.Object({ resultId: Type.Optional(Id) }),
      },
    },
    async (request) => callDetail(db, actorOf(request), request.params.callId, request.query.resultId),
  );

  app.post(
    '/api/v1/qa/calls/:callId/reviews',
    {
      config: { permission: 'qa:inspect' },
      schema: {
        tags,
        summary: 'Manual review (人工质检): an inspector scores the call and comments',
        params: CallIdParams,
        body: Type.Object({ resultId: Type.Optional(Id), score: Type.Number({ minimum: 0 }), comment: Text(2000) }),
      },
    },
    async (request, reply) => {
      const review = await addReview(db, actorOf(request), request.params.callId, request.body);
      return reply.code(201).send(review);
    },
  );

  app.post(
    '/api/v1/qa/appeals',
    {
      config: { permission: 'qa:appeal' },
      schema: {
        tags,
        summary: 'Appeal a deduction on one of your own calls, with a reason',
        body: Type.Object({ hitId: Id, reason: Text(2000) }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await fileAppeal(db, actorOf(request), request.body.hitId, request.body.reason)),
  );

  app.get(
    '/api/v1/qa/appeals',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Appeals in scope (agents: their own), pending first',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('reversed')]),
          ),
          agent: Type.Optional(Type.String({ maxLength: 64 })),
          ...Paging,
        }),
      },
    },
    async (request) => listAppeals(db, actorOf(request), { ...request.query, ...page(request.query) }),
  );

  app.get(
    '/api/v1/qa/appeals/:appealId',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'One appeal with its history', params: Type.Object({ appealId: Id }) },
    },
    async (request) => {
      const appeal = await getAppealRow(db, request.params.appealId);
      await resolveCallFor(db, actorOf(request), appeal.callId);
      return appeal;
    },
  );

  app.post(
    '/api/v1/qa/appeals/:appealId/decision',
    {
      config: { permission: 'qa:inspect' },
      schema: {
        tags,
        summary: 'Decide an appeal (upheld / reversed) as a second inspector; a reversal restores the points',
        params: Type.Object({ appealId: Id }),
        body: Type.Object({
          decision: Type.Union([Type.Literal('upheld'), Type.Literal('reversed')]),
          note: Text(2000),
        }),
      },
    },
    async (request) =>
      decideAppeal(db, actorOf(request), request.params.appealId, request.body.decision, request.body.note),
  );
}
