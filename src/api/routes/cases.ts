import { Type } from '@fastify/type-provider-typebox';
import { caseChain } from '../../cases/case-chain.js';
import type { Db } from '../../db/db.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { LanguageQuery } from './customers.js';
import type { GridcareApp } from '../types.js';

export function registerCaseRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/cases/:caseId',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['cases'],
        summary: 'Case chain (诉求链): traces in order, work orders with status history, calls with transcripts',
        params: Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object(LanguageQuery),
      },
    },
    async (request) =>
      caseChain(db, actorOf(request), request.params.caseId, requestLanguage(request.query.lang, request.headers['accept-language'])),
  );
}
