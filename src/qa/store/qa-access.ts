/**
 * Who sees which calls in QA. A call belongs to its agent's org unit (the team that answers
 * for it); the actor's org path limits every read, and a call without a known agent is seen
 * only by company-wide readers. Agents — who may appeal but not inspect — see only the calls
 * they took themselves.
 */
import { type Actor, can, requireInScope, scopePattern } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import type { SqlParams } from './sql-params.js';

export const seesOwnCallsOnly = (actor: Actor): boolean => can(actor, 'qa:appeal') && !can(actor, 'qa:inspect');

/**
 * SQL condition limiting rows to the actor's calls: `agentId` is the call's agent employee
 * id column, `path` the org path column of that agent's unit.
 */
export function scopeCondition(actor: Actor, p: SqlParams, agentId: string, path: string): string {
  const pattern = p.add(scopePattern(actor));
  const conditions = [`(${pattern} = '%' OR ${path} LIKE ${pattern})`];
  if (seesOwnCallsOnly(actor)) conditions.push(`${agentId} = ${p.add(actor.employeeId ?? -1)}`);
  return conditions.join(' AND ');
}

export interface QaCallRow {
  call_id: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  started_at: Date;
  ended_at: Date;
  case_id: string | null;
  order_no: string | null;
  agent_employee_id: number | null;
  employee_no: string | null;
  employee_name: string | null;
  org_unit_id: string | null;
  org_name: string | null;
  agent_path: string | null;
  customer_no: string | null;
  customer_name: string | null;
  customer_type: string | null;
  customer_address: string | null;
}

/** The call, or NOT_FOUND / AUTH_OUT_OF_SCOPE (another unit's call, or an agent's colleague's). */
export async function resolveCallFor(db: Queryable, actor: Actor, callId: string): Promise<QaCallRow> {
  const rows = await db.query<QaCallRow>(
    `SELECT k.call_id, k.channel, k.direction, k.started_at, k.ended_at, k.case_id, k.order_no, k.agent_employee_id,
       e.employee_no, e.name AS employee_name, o.org_unit_id, o.name AS org_name, o.path AS agent_path,
       cu.customer_no, cu.name AS customer_name, cu.customer_type, cu.address AS customer_address
     FROM call k
     LEFT JOIN employee e ON e.employee_id = k.agent_employee_id LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
     LEFT JOIN customer cu ON cu.customer_id = k.customer_id
     WHERE k.call_id = $1`,
    [callId],
  );
  const call = rows[0];
  if (!call) throw notFound(`Call ${callId}`);
  requireInScope(actor, call.agent_path ?? '/', `Call ${callId}`);
  if (seesOwnCallsOnly(actor) && (actor.employeeId === null || call.agent_employee_id !== actor.employeeId)) {
    throw new AppError(
      'AUTH_OUT_OF_SCOPE',
      `Call ${callId} was taken by another agent; agents see their own calls`,
      403,
      {
        scope: 'own_calls',
      },
    );
  }
  return call;
}
