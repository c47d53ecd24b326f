/** The results list of the QA workbench: current results in scope, filtered, newest call first. */
import type { QaResultSummary, QaResultsReply } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { likeEscape } from './job-calls.js';
import { LOCAL_ZONE } from './period.js';
import { scopeCondition } from './qa-access.js';
import {
  FINAL_SCORE,
  RESULT_COLUMNS,
  RESULT_FROM,
  RESULT_SCOPE_FROM,
  type ResultRow,
  toResultSummary,
} from './result-summary.js';
import { SqlParams } from './sql-params.js';

export interface ResultsFilter {
  from?: string | undefined;
  to?: string | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
  rule?: string | undefined;
  agent?: string | undefined;
  orgUnit?: string | undefined;
  flagged?: boolean | undefined;
  topic?: number | undefined;
  page: number;
  pageSize: number;
}

export async function listResults(db: Queryable, actor: Actor, f: ResultsFilter): Promise<QaResultsReply> {
  const p = new SqlParams();
  const where = ['r.superseded_at IS NULL', scopeCondition(actor, p, 'r.agent_employee_id', 'o.path')];
  where.push(f.topic === undefined ? 'r.topic_id IS NULL' : `r.topic_id = ${p.add(f.topic)}`);
  if (f.from) where.push(`r.call_started_at >= (${p.add(f.from)}::date)::timestamp AT TIME ZONE '${LOCAL_ZONE}'`);
  if (f.to) where.push(`r.call_started_at < ((${p.add(f.to)}::date + 1)::timestamp AT TIME ZONE '${LOCAL_ZONE}')`);
  if (f.minScore !== undefined) where.push(`${FINAL_SCORE} >= ${p.add(f.minScore)}`);
  if (f.maxScore !== undefined) where.push(`${FINAL_SCORE} <= ${p.add(f.maxScore)}`);
  if (f.rule)
    where.push(`EXISTS (SELECT 1 FROM qa_hit h WHERE h.result_id = r.result_id AND h.rule_code = ${p.add(f.rule)})`);
  if (f.agent) where.push(`e.employee_no = ${p.add(f.agent)}`);
  if (f.orgUnit) {
    const units = await db.query<{ path: string }>('SELECT path FROM org_unit WHERE org_unit_id = $1', [f.orgUnit]);
    if (!units[0]) throw notFound(`Org unit ${f.orgUnit}`);
    where.push(`o.path LIKE ${p.add(`${likeEscape(units[0].path)}%`)}`);
  }
  if (f.flagged !== undefined) where.push(`r.flagged = ${p.add(f.flagged)}`);
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${RESULT_SCOPE_FROM} ${whereSql}`, p.values);
  const limit = p.add(f.pageSize);
  const offset = p.add((f.page - 1) * f.pageSize);
  const rows = await db.query<ResultRow>(
    `SELECT ${RESULT_COLUMNS} ${RESULT_FROM} ${whereSql} ORDER BY r.call_started_at DESC, r.result_id DESC LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { items: rows.map(toResultSummary), total: count[0]?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Every result of one call (current and superseded, routine and topics), newest first. */
export async function resultsOfCall(db: Queryable, callId: string): Promise<QaResultSummary[]> {
  const rows = await db.query<ResultRow & { superseded_at: Date | null }>(
    `SELECT ${RESULT_COLUMNS}, r.superseded_at ${RESULT_FROM} WHERE r.call_id = $1 ORDER BY r.inspected_at DESC, r.result_id DESC`,
    [callId],
  );
  return rows.map(toResultSummary);
}
