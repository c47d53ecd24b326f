/** QA schemes: versions as data, drafts validated at save time, publish, try, backtest, rule comments, re-inspection. */
import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { backtest } from '../../qa/store/backtest.js';
import { getJobFor, listJobs, requireJobReader } from '../../qa/store/jobs.js';
import { startReinspection } from '../../qa/store/reinspections.js';
import { addRuleComment, listRuleComments } from '../../qa/store/rule-comments.js';
import { createDraft, listSchemes, publishVersion, versionDetailOf } from '../../qa/store/scheme-store.js';
import { tryScheme } from '../../qa/store/try-scheme.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';
import { Id, Period, Text } from './qa-schemas.js';

const SchemeCode = Type.String({ minLength: 1, maxLength: 80 });
const VersionParams = Type.Object({ code: SchemeCode, version: Type.Integer({ minimum: 1 }) });
const RuleParams = Type.Object({ code: SchemeCode, ruleCode: Type.String({ minLength: 1, maxLength: 120 }) });
const Speaker = Type.Union([Type.Literal('agent'), Type.Literal('customer'), Type.Literal('system')]);

export function registerQaSchemeRoutes(app: GridcareApp, db: Db): void {
  const tags = ['qa'];
  app.get(
    '/api/v1/qa/schemes',
    { config: { permission: 'qa:read' }, schema: { tags, summary: 'QA schemes (质检方案) with their versions' } },
    async () => ({ items: await listSchemes(db) }),
  );

  app.get(
    '/api/v1/qa/schemes/:code/versions/:version',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'One scheme version: the definition as data and its rules', params: VersionParams },
    },
    async (request) => versionDetailOf(db, request.params.code, request.params.version),
  );

  app.post(
    '/api/v1/qa/schemes/:code/versions',
    {
      config: { permission: 'qa:scheme' },
      schema: {
        tags,
        summary: 'Save a draft version from JSON; bad rules fail here with QA_RULE_INVALID (rule id and path)',
        params: Type.Object({ code: SchemeCode }),
        body: Type.Object({ definition: Type.Unknown(), note: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createDraft(
            db,
            actorOf(request),
            request.params.code,
            request.body.definition,
            request.body.note ?? '',
          ),
        ),
  );

  app.post(
    '/api/v1/qa/schemes/:code/versions/:version/publish',
    {
      config: { permission: 'qa:scheme' },
      schema: { tags, summary: 'The draft goes live; the live version retires', params: VersionParams },
    },
    async (request) => publishVersion(db, actorOf(request), request.params.code, request.params.version),
  );

  app.post(
    '/api/v1/qa/try',
    {
      config: { permission: 'qa:scheme' },
      schema: {
        tags,
        summary: 'Run a scheme (JSON or stored version) or one rule on a transcript or a stored call; nothing is saved',
        body: Type.Object({
          definition: Type.Optional(Type.Unknown()),
          schemeCode: Type.Optional(SchemeCode),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
          ruleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          transcript: Type.Optional(
            Type.Object({
              turns: Type.Array(
                Type.Object({
                  speaker: Speaker,
                  startMs: Type.Integer({ minimum: 0 }),
                  endMs: Type.Integer({ minimum: 0 }),
                  text: Type.String({ maxLength: 5000 }),
                }),
                { minItems: 1, maxItems: 2000 },
              ),
            }),
          ),
          callId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        }),
      },
    },
    async (request) => tryScheme(db, actorOf(request), request.body),
  );

  app.post(
    '/api/v1/qa/backtests',
    {
      config: { permission: 'qa:scheme' },
      schema: {
        tags,
        summary:
          'Candidate vs baseline (default: live) version over past calls of a period: hit counts per rule, score distribution',
        body: Type.Object({
          schemeCode: SchemeCode,
          version: Type.Integer({ minimum: 1 }),
          baselineVersion: Type.Optional(Type.Integer({ minimum: 1 })),
          ...Period,
          maxCalls: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
        }),
      },
    },
    async (request) => backtest(db, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/qa/schemes/:code/rules/:ruleCode/comments',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'Comments and proposals on a rule', params: RuleParams },
    },
    async (request) => ({ items: await listRuleComments(db, request.params.code, request.params.ruleCode) }),
  );

  app.post(
    '/api/v1/qa/schemes/:code/rules/:ruleCode/comments',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary: 'Comment on a rule or propose a change (a proposed rule is validated like a saved one)',
        params: RuleParams,
        body: Type.Object({
          kind: Type.Union([Type.Literal('comment'), Type.Literal('proposal')]),
          body: Text(4000),
          proposedRule: Type.Optional(Type.Unknown()),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addRuleComment(db, actorOf(request), request.params.code, request.params.ruleCode, request.body)),
  );

  app.post(
    '/api/v1/qa/reinspections',
    {
      config: { permission: 'qa:scheme' },
      schema: {
        tags,
        summary: 'Re-inspect the calls of a period with a published version of the routine scheme (background job)',
        body: Type.Object({ schemeCode: SchemeCode, version: Type.Integer({ minimum: 1 }), ...Period }),
      },
    },
    async (request, reply) => reply.code(202).send(await startReinspection(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/qa/reinspections',
    {
      config: { permission: 'qa:read' },
      schema: { tags, summary: 'Re-inspection jobs, newest first (scheme editors and inspectors)' },
    },
    async (request) => {
      requireJobReader(actorOf(request));
      return { items: await listJobs(db, 'reinspection') };
    },
  );

  app.get(
    '/api/v1/qa/reinspections/:jobId',
    {
      config: { permission: 'qa:read' },
      schema: {
        tags,
        summary:
          'A job with its progress (done / total): re-inspections for scheme editors and inspectors, a special topic’s job for readers of the topic',
        params: Type.Object({ jobId: Id }),
      },
    },
    async (request) => getJobFor(db, actorOf(request), request.params.jobId),
  );
}
