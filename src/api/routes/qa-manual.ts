/** Manual QA on top of the machine: special topics, sampling plans, full-chain findings, case library, agent portrait. */
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { agentPortrait } from '../../qa/store/agent-portrait.js';
import {
  addCaseEntry,
  deleteCaseEntry,
  getCaseEntry,
  searchCaseLibrary,
  updateCaseEntry,
} from '../../qa/store/case-library.js';
import { caseFindings, listChainFindings } from '../../qa/store/chain-qa.js';
import { createPlan, getPlan, listPlans, listSamples } from '../../qa/store/sampling.js';
import { createTopic, getTopic, listTopics } from '../../qa/store/topics.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { Paging, page } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { LanguageQuery } from './customers.js';
import { CallIdParams, Id, OptionalPeriod, Period, Text } from './qa-schemas.js';

const Words = (maxItems: number) => Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems });
const CaseEntryBody = {
  kind: Type.Union([Type.Literal('typical'), Type.Literal('excellent')]),
  title: Text(200),
  tags: Words(20),
  teachingNote: Type.String({ maxLength: 4000 }),
};

export function registerQaManualRoutes(app: GridcareApp, db: Db): void {
  const tags = ['qa'];
  app.post(
    '/api/v1/qa/topics',
    {
      config: { permission: 'qa:inspect' },
      schema: {
        tags,
        summary:
          'Special-topic QA (专题质检): inspect the calls of a topic and period with a dedicated scheme (background job)',
        body: Type.Object({
          name: Text(120),
          description: Type.Optional(Type.String({ maxLength: 2000 })),
          schemeCode: Type.String({ minLength: 1, maxLength: 80 }),
          version: Type.Integer({ minimum: 1 }),
          ...Period,
          filter: Type.Object({
            workOrderTopics: Type.Optional(Words(50)),
            workOrderTypes: Type.Optional(Words(10)),
            keywords: Type.Optional(Words(50)),
            orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          }),
        }),
      },
    },
    async (request, reply) => reply.code(202).send(await createTopic(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/qa/topics',
    { config: { permission: 'qa:read' }, schema: { tags, summary: 'Special topics in scope with progress' } },
    async (request) => ({
      items: await listTopics(db, actorOf(request)),
    }),
  );
  app.get(
    '/api/v1/qa/topics/:topicId',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'A special topic: job progress and summary', params: Type.Object({ topicId: Id }) },
    },
    async (request) => getTopic(db, actorOf(request), request.params.topicId),
  );

  app.post(
    '/api/v1/qa/sampling-plans',
    {
      config: { permission: 'qa:inspect' },
      schema: {
        tags,
        summary: 'A sampling plan (random share + risk criteria, period, team); draws its sample queue at once',
        body: Type.Object({
          name: Text(120),
          orgUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          ...Period,
          randomShare: Type.Number({ minimum: 0, maximum: 1 }),
          risk: Type.Optional(
            Type.Object({
              lowScoreBelow: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
              angryCustomer: Type.Optional(Type.Boolean()),
              longCallMinutes: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()])),
              complaintCalls: Type.Optional(Type.Boolean()),
              newAgentMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
            }),
          ),
          maxRiskPerAgent: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await createPlan(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/qa/sampling-plans',
    { config: { permission: 'qa:read' }, schema: { tags, summary: 'Sampling plans in scope' } },
    async (request) => ({
      items: await listPlans(db, actorOf(request)),
    }),
  );
  app.get(
    '/api/v1/qa/sampling-plans/:planId',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'A sampling plan with its counts', params: Type.Object({ planId: Id }) },
    },
    async (request) => getPlan(db, actorOf(request), request.params.planId),
  );
  app.get(
    '/api/v1/qa/sampling-plans/:planId/samples',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'The sample queue of a plan, with why each call was picked',
        params: Type.Object({ planId: Id }),
        querystring: Type.Object({ reviewed: Type.Optional(Type.Boolean()), ...Paging }),
      },
    },
    async (request) =>
      listSamples(db, actorOf(request), request.params.planId, {
        reviewed: request.query.reviewed,
        ...page(request.query),
      }),
  );

  app.get(
    '/api/v1/qa/cases/:caseId/findings',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Full-chain QA of one case chain (诉求链), explained in zh-CN or en',
        params: Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object(LanguageQuery),
      },
    },
    async (request) => ({
      items: await caseFindings(
        db,
        actorOf(request),
        request.params.caseId,
        requestLanguage(request.query.lang, request.headers['accept-language']),
      ),
    }),
  );
  app.get(
    '/api/v1/qa/chain-findings',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary:
          'Full-chain QA findings over the work orders created in a period (newest 5,000 orders), explained in zh-CN or en',
        querystring: Type.Object({
          ...Period,
          rule: Type.Optional(
            Type.Union([
              Type.Literal('chain.closed_without_contact'),
              Type.Literal('chain.reply_contradicts_field'),
              Type.Literal('chain.sla_missed'),
            ]),
          ),
          ...Paging,
          ...LanguageQuery,
        }),
      },
    },
    async (request) =>
      listChainFindings(db, actorOf(request), {
        ...request.query,
        ...page(request.query),
        lang: requestLanguage(request.query.lang, request.headers['accept-language']),
      }),
  );

  app.get(
    '/api/v1/qa/case-library',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Search the case library (案例库) by words, tag and kind',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          tag: Type.Optional(Type.String({ maxLength: 60 })),
          kind: Type.Optional(Type.Union([Type.Literal('typical'), Type.Literal('excellent')])),
          ...Paging,
        }),
      },
    },
    async (request) => searchCaseLibrary(db, actorOf(request), { ...request.query, ...page(request.query) }),
  );
  app.post(
    '/api/v1/qa/case-library',
    {
      config: { permission: 'qa:inspect' },
      schema: {
        tags,
        summary: 'Add a call to the case library',
        body: Type.Object({ callId: CallIdParams.properties.callId, ...CaseEntryBody }),
      },
    },
    async (request, reply) => reply.code(201).send(await addCaseEntry(db, actorOf(request), request.body)),
  );
  const EntryParams = Type.Object({ entryId: Id });
  app.get(
    '/api/v1/qa/case-library/:entryId',
    { config: { permission: 'qa:read' }, schema: { tags, summary: 'One case library entry', params: EntryParams } },
    async (request) => getCaseEntry(db, actorOf(request), request.params.entryId),
  );
  app.put(
    '/api/v1/qa/case-library/:entryId',
    {
      config: { permission: 'qa:inspect' },
      schema: { tags, summary: 'Edit an entry', params: EntryParams, body: Type.Object(CaseEntryBody) },
    },
    async (request) => updateCaseEntry(db, actorOf(request), request.params.entryId, request.body),
  );
  app.delete(
    '/api/v1/qa/case-library/:entryId',
    {
      config: { permission: 'qa:inspect' },
      schema: { tags, summary: 'Remove an entry (audited)', params: EntryParams },
    },
    async (request, reply) => {
      await deleteCaseEntry(db, actorOf(request), request.params.entryId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/qa/agents/:employeeNo/portrait',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Agent QA portrait: score trend, strengths and weaknesses by category, frequent deductions, training',
        params: Type.Object({ employeeNo: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object(OptionalPeriod),
      },
    },
    async (request) => agentPortrait(db, actorOf(request), request.params.employeeNo, request.query),
  );
}
