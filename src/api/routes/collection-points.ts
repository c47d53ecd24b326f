import { Type } from '@fastify/type-provider-typebox';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db } from '../../db/db.js';
import {
  forgetCollectionPoints,
  listCollectionPoints,
  loadCollectionPoints,
  pointFor,
  saveCollectionPoint,
} from '../../traces/collection-points.js';
import type { TraceType } from '../../traces/vocabulary.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';

const PointBody = Type.Object({
  enabled: Type.Boolean(),
  detail: Type.Union([Type.Literal('full'), Type.Literal('listed')]),
  attributes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, default: [] }),
  minIntervalMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
  purpose: Type.Optional(Type.String({ maxLength: 200 })),
});

/** Collection points (采集点, T6): read by every staff role, changed only with collection:manage. */
export function registerCollectionPointRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/collection-points',
    {
      config: { permission: 'org:read' },
      schema: { tags: ['reference'], summary: 'Collection points: what ingest collects of each trace type' },
    },
    async () => ({ items: await listCollectionPoints(db) }),
  );

  app.put(
    '/api/v1/collection-points/:traceType',
    {
      config: { permission: 'collection:manage' },
      schema: {
        tags: ['reference'],
        summary: 'Create or change the collection point of one trace type (audited)',
        params: Type.Object({ traceType: Type.String({ maxLength: 40 }) }),
        body: PointBody,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { traceType } = request.params;
      const body = request.body;
      const saved = await db.transaction(async (tx) => {
        const before = pointFor(await loadCollectionPoints(tx), traceType);
        const saved = await saveCollectionPoint(
          tx,
          {
            traceType: traceType as TraceType,
            enabled: body.enabled,
            detail: body.detail,
            attributes: body.attributes,
            minIntervalMinutes: body.minIntervalMinutes,
            purpose: body.purpose ?? null,
          },
          actor.userId,
        );
        await writeAudit(tx, actor, {
          action: 'collection_point_change',
          subjectType: 'collection_point',
          subjectId: traceType,
          detail: { before, after: saved },
        });
        return saved;
      });
      forgetCollectionPoints(db);
      return saved;
    },
  );
}
