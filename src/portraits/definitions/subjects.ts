import type { Names, SubjectKind } from '../engine/types.js';

/** How to list every subject of a kind, and where its org-unit path comes from (for scope). */
export interface SubjectDef {
  kind: SubjectKind;
  name: Names;
  /** SELECT returning one column `key` (text), ordered. */
  list: string;
}

export const SUBJECTS: SubjectDef[] = [
  {
    kind: 'customer',
    name: { zh: '客户', en: 'Customer' },
    list: 'SELECT customer_id::text AS key FROM customer ORDER BY customer_id',
  },
  {
    kind: 'employee',
    name: { zh: '员工', en: 'Employee' },
    list: "SELECT employee_id::text AS key FROM employee WHERE status = 'active' ORDER BY employee_id",
  },
  {
    kind: 'transformer_area',
    name: { zh: '台区', en: 'Transformer area' },
    list: 'SELECT transformer_area_id AS key FROM transformer_area ORDER BY 1',
  },
  { kind: 'feeder', name: { zh: '线路', en: 'Feeder' }, list: 'SELECT feeder_id AS key FROM feeder ORDER BY 1' },
  {
    kind: 'grid',
    name: { zh: '网格', en: 'Grid' },
    list: "SELECT org_unit_id AS key FROM org_unit WHERE level = 'grid' ORDER BY 1",
  },
  {
    kind: 'station',
    name: { zh: '供电所', en: 'Supply station' },
    list: "SELECT org_unit_id AS key FROM org_unit WHERE level = 'station' ORDER BY 1",
  },
];

export function subjectDef(kind: SubjectKind): SubjectDef {
  const def = SUBJECTS.find((s) => s.kind === kind);
  if (!def) throw new Error(`unknown subject kind ${kind}`);
  return def;
}

/**
 * Kinds in rebuild order (the order of SUBJECTS): area features read customers' and
 * employees' portraits, so those must be current first.
 */
export function inRebuildOrder(kinds: readonly SubjectKind[]): SubjectKind[] {
  const rank = (k: SubjectKind) => SUBJECTS.findIndex((s) => s.kind === k);
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b));
}
