/** Which calls a background job inspects: the period, and for a special topic its filter and scope. */
import type { QaTopicFilter } from '../../api/qa-contract.js';
import { inLocalDays } from './period.js';

export interface JobSelection {
  from: string;
  to: string;
  /** Org path the calls' agents must lie under (special topics); null = every call. */
  scopePath: string | null;
  filter: QaTopicFilter | null;
}

export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** FROM … WHERE over `call c` (with agent org unit `o`), and its parameters from $1. */
export function jobCallsSql(sel: JobSelection): { from: string; params: unknown[] } {
  const f = sel.filter;
  const params: unknown[] = [
    sel.from,
    sel.to,
    sel.scopePath === null ? null : `${likeEscape(sel.scopePath)}%`,
    f?.workOrderTopics ?? [],
    f?.workOrderTypes ?? [],
    (f?.keywords ?? []).map((k) => `%${likeEscape(k)}%`),
  ];
  const from = `FROM call c
    LEFT JOIN employee e ON e.employee_id = c.agent_employee_id
    LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
    WHERE ${inLocalDays('c.started_at', '$1', '$2')}
      AND EXISTS (SELECT 1 FROM call_turn t WHERE t.call_id = c.call_id)
      AND ($3::text IS NULL OR o.path LIKE $3)
      AND (cardinality($4::text[]) = 0 OR EXISTS (SELECT 1 FROM work_order w
        WHERE (w.order_no = c.order_no OR w.case_id = c.case_id) AND w.topic_code = ANY($4::text[])))
      AND (cardinality($5::text[]) = 0 OR EXISTS (SELECT 1 FROM work_order w
        WHERE (w.order_no = c.order_no OR w.case_id = c.case_id) AND w.order_type = ANY($5::text[])))
      AND (cardinality($6::text[]) = 0 OR EXISTS (SELECT 1 FROM call_turn t
        WHERE t.call_id = c.call_id AND t.text LIKE ANY($6::text[])))`;
  return { from, params };
}
