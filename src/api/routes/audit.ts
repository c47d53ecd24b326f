import { Type } from '@fastify/type-provider-typebox';
import { listAudit } from '../../auth/audit-log.js';
import type { Db } from '../../db/db.js';
import { actorOf } from '../auth-hooks.js';
import { page, Paging } from '../schemas.js';
import type { GridcareApp } from '../types.js';

export function registerAuditRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first (unmasking of personal data, record changes)',
        querystring: Type.Object({
          subjectType: Type.Optional(Type.String({ maxLength: 40 })),
          subjectId: Type.Optional(Type.String({ maxLength: 64 })),
          username: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 40 })),
          ...Paging,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listAudit(db, actorOf(request), {
        subjectType: q.subjectType, subjectId: q.subjectId, username: q.username, action: q.action, ...page(q),
      });
      return { ...result, ...page(q) };
    },
  );
}
