import { Readable } from 'node:stream';
import { Type } from '@fastify/type-provider-typebox';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db } from '../../db/db.js';
import type { DefinitionCatalog } from '../../portraits/engine/types.js';
import { exportSegment } from '../../portraits/segments/segment-export.js';
import { describeFilter, parseSegmentFilter } from '../../portraits/segments/segment-filter.js';
import { querySegment } from '../../portraits/segments/segment-query.js';
import { tagCoverage } from '../../portraits/segments/tag-coverage.js';
import { searchTransformerAreas } from '../../portraits/segments/transformer-area-options.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { Paging, page } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { LanguageQuery } from './customers.js';

const codes = (description: string) =>
  Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, description }));

/** The segment filter as a query string; repeat a key for several values (tag=a&tag=b). */
const SegmentFilterQuery = {
  tag: codes('Tags the customer holds, all of them'),
  anyTag: codes('Tags the customer holds, at least one'),
  notTag: codes('Tags the customer does not hold'),
  creditGrade: codes('Credit grades A–E, any of them'),
  feeRiskClass: codes('Fee risk classes 1–3, any of them'),
  score: codes('A score range <code>:<min>:<max> (inclusive, either bound may be empty), e.g. credit:60:89'),
  customerType: codes('residential and/or non_residential'),
  industry: Type.Optional(Type.String({ maxLength: 8, description: 'Industry code prefix (C, C26)' })),
  important: Type.Optional(
    Type.Boolean({ description: 'Important / high-risk customers (重要/高危客户) only, or none of them' }),
  ),
  special: Type.Optional(
    Type.Boolean({
      description: 'Special customers (特殊客户) only, or none of them; needs customer:confidential to find any',
    }),
  ),
  orgUnit: Type.Optional(Type.String({ maxLength: 64, description: 'This org unit and every unit below it' })),
  substation: codes('Substation ids'),
  feeder: codes('Feeder (线路) ids'),
  transformerArea: codes('Transformer area (台区) ids'),
};

/**
 * `definitions.catalog` is read per request: the portrait engine swaps in a new catalog when a
 * model is trained (complaint risk), and a filter on that score must work from then on.
 */
export function registerSegmentRoutes(
  app: GridcareApp,
  db: Db,
  definitions: { readonly catalog: DefinitionCatalog },
): void {
  const tags = ['portraits'];

  app.get(
    '/api/v1/segments/query',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Customers by any combination of tags, grades, classes, scores, type, flags, org unit and topology: count, facets and one page (PII masked)',
        querystring: Type.Object({
          ...SegmentFilterQuery,
          ...Paging,
          sort: Type.Optional(Type.String({ maxLength: 64, description: 'customerNo (default) or a score code' })),
          order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
        }),
      },
    },
    async (request) => {
      const { catalog } = definitions;
      const filter = parseSegmentFilter(request.query, catalog);
      const sort = request.query.sort ?? 'customerNo';
      return querySegment(db, actorOf(request), catalog, filter, {
        ...page(request.query),
        sort,
        order: request.query.order ?? (sort === 'customerNo' ? 'asc' : 'desc'),
      });
    },
  );

  app.get(
    '/api/v1/segments/export.csv',
    {
      config: { permission: 'portrait:manage' },
      schema: {
        tags,
        summary: 'The segment as CSV (UTF-8 with BOM, PII masked), streamed; audited with the filter and the row count',
        querystring: Type.Object({ ...SegmentFilterQuery, ...LanguageQuery }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { catalog } = definitions;
      const filter = parseSegmentFilter(request.query, catalog);
      const language = requestLanguage(request.query.lang, request.headers['accept-language']);
      const csv = await exportSegment(db, actor, catalog, filter, language);
      // Recorded before the first byte leaves: an export cut short is still on the record.
      await writeAudit(db, actor, {
        action: 'segment_export',
        subjectType: 'segment',
        subjectId: filter.orgUnit ?? actor.orgUnitId ?? 'all',
        detail: { filter: describeFilter(filter), rowCount: csv.rowCount },
      });
      const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="segment-${day}.csv"`)
        .header('x-row-count', String(csv.rowCount))
        .send(Readable.from(csv.lines));
    },
  );

  app.get(
    '/api/v1/segments/transformer-areas',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Transformer areas (台区) in scope whose id starts with or name contains q, for the segment filter (at most 50)',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    async (request) => ({ items: await searchTransformerAreas(db, actorOf(request), request.query.q ?? '') }),
  );

  app.get(
    '/api/v1/portraits/tags/coverage',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Per customer tag: holders in scope, their share, and their spread over the child org units (tag catalog page)',
        querystring: Type.Object({
          orgUnit: Type.Optional(Type.String({ maxLength: 64, description: "Default: the caller's scope unit" })),
        }),
      },
    },
    async (request) => tagCoverage(db, actorOf(request), definitions.catalog, request.query.orgUnit || undefined),
  );
}
