import { scopePattern } from '../../auth/actor.js';
import type { Db } from '../../db/db.js';
import { CHANNELS, TOPICS, TRACE_TYPES, WORK_ORDER_TYPES } from '../../traces/vocabulary.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';

interface OrgNode {
  id: string;
  name: string;
  level: string;
  path: string;
  children: OrgNode[];
}

const entries = <T extends Record<string, { zh: string; en: string }>>(table: T) =>
  Object.entries(table).map(([code, v]) => ({ code, ...v }));

export function registerReferenceRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/org-units',
    { config: { permission: 'org:read' }, schema: { tags: ['reference'], summary: 'The org-unit tree within the caller\'s scope' } },
    async (request) => {
      const rows = await db.query<{ org_unit_id: string; parent_id: string | null; name: string; level: string; path: string }>(
        `SELECT org_unit_id, parent_id, name, level, path FROM org_unit WHERE ($1 = '%' OR path LIKE $1) ORDER BY path`,
        [scopePattern(actorOf(request))],
      );
      const nodes = new Map<string, OrgNode>();
      const roots: OrgNode[] = [];
      for (const r of rows) {
        const node: OrgNode = { id: r.org_unit_id, name: r.name, level: r.level, path: r.path, children: [] };
        nodes.set(r.org_unit_id, node);
        // Ordered by path, so a parent inside the scope is always seen before its children.
        const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return { items: roots };
    },
  );

  app.get(
    '/api/v1/vocabulary',
    { config: { permission: 'org:read' }, schema: { tags: ['reference'], summary: 'Channels, trace types, topics and work-order types with zh/en labels' } },
    async () => ({
      channels: entries(CHANNELS),
      traceTypes: Object.entries(TRACE_TYPES).map(([code, v]) => ({ code, zh: v.zh, en: v.en, direction: v.direction })),
      topics: entries(TOPICS),
      workOrderTypes: entries(WORK_ORDER_TYPES),
    }),
  );
}
