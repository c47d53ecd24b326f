/**
 * Loads case chains set-based (orders, status histories, case traces, calls and agent turns:
 * five queries for any number of orders) and runs the full-chain rules over them. Work orders
 * belong to their customer's org unit, as in the case chain view.
 */
import type { QaChainFinding, QaChainFindingsReply } from '../../api/qa-contract.js';
import { type Actor, requireInScope, scopePattern } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import type { Language } from '../../traces/attribute-labels.js';
import {
  assembleChains,
  type ChainCallRow,
  type ChainOrderRow,
  type ChainStatusRow,
  type ChainTraceRow,
  type ChainTurnRow,
  type LoadedChain,
} from './chain-assembly.js';
import { type ChainRuleCode, evaluateChain } from './chain-rules.js';
import { inLocalDays } from './period.js';
import { seesOwnCallsOnly } from './qa-access.js';
import { SqlParams } from './sql-params.js';

/** A period's chains are evaluated in the request; beyond this many orders the newest are taken. */
export const CHAIN_ORDER_LIMIT = 5000;

async function loadChains(db: Queryable, where: string, params: readonly unknown[]): Promise<LoadedChain[]> {
  const orders = await db.query<ChainOrderRow>(
    `SELECT w.order_no, w.case_id, w.order_type, w.created_at, w.closed_at, w.sla_deadline, e.employee_no, e.name AS employee_name, co.path
     FROM work_order w JOIN customer c ON c.customer_id = w.customer_id JOIN org_unit co ON co.org_unit_id = c.org_unit_id
     LEFT JOIN employee e ON e.employee_id = w.responsible_employee_id
     WHERE ${where} ORDER BY w.created_at DESC, w.order_no LIMIT ${CHAIN_ORDER_LIMIT}`,
    params,
  );
  const orderNos = orders.map((o) => o.order_no);
  const caseIds = [...new Set(orders.map((o) => o.case_id))];
  const [statuses, traces, calls] = await Promise.all([
    db.query<ChainStatusRow>(
      'SELECT order_no, seq, status, at, note FROM work_order_status WHERE order_no = ANY($1::text[]) ORDER BY order_no, seq',
      [orderNos],
    ),
    db.query<ChainTraceRow>(
      `SELECT trace_id, trace_type, occurred_at, case_id,
         coalesce(attributes->>'result', attributes->>'note', attributes->>'situation', attributes->>'text') AS text,
         CASE WHEN attributes ? 'resolved' THEN (attributes->>'resolved')::boolean END AS resolved
       FROM trace WHERE case_id = ANY($1::text[]) AND trace_type IN ('callback', 'field_feedback') ORDER BY occurred_at, trace_id`,
      [caseIds],
    ),
    db.query<ChainCallRow>(
      `SELECT call_id, direction, started_at, case_id, order_no FROM call
       WHERE case_id = ANY($1::text[]) OR order_no = ANY($2::text[]) ORDER BY started_at, call_id`,
      [caseIds, orderNos],
    ),
  ]);
  const turns = await db.query<ChainTurnRow>(
    `SELECT call_id, seq, text FROM call_turn WHERE call_id = ANY($1::text[]) AND speaker = 'agent' ORDER BY call_id, seq`,
    [calls.map((c) => c.call_id)],
  );
  return assembleChains({ orders, statuses, traces, calls, turns });
}

/** Agents see the chains of cases they took a call of. */
function ownChains(actor: Actor, p: SqlParams): string | null {
  if (!seesOwnCallsOnly(actor)) return null;
  return `EXISTS (SELECT 1 FROM call k WHERE (k.case_id = w.case_id OR k.order_no = w.order_no) AND k.agent_employee_id = ${p.add(actor.employeeId ?? -1)})`;
}

export async function caseFindings(
  db: Queryable,
  actor: Actor,
  caseId: string,
  lang?: Language,
  now = new Date(),
): Promise<QaChainFinding[]> {
  const p = new SqlParams();
  const where = [`w.case_id = ${p.add(caseId)}`];
  const own = ownChains(actor, p);
  if (own) where.push(own);
  const chains = await loadChains(db, where.join(' AND '), p.values);
  if (chains.length === 0) throw notFound(`Case ${caseId}`);
  for (const c of chains) requireInScope(actor, c.path, `Case ${caseId}`);
  return chains.flatMap((c) => evaluateChain(c, now, lang));
}

export interface ChainFindingsQuery {
  from: string;
  to: string;
  rule?: ChainRuleCode | undefined;
  page: number;
  pageSize: number;
  /** Language of the explanations and evidence lines. */
  lang?: Language | undefined;
}

export async function listChainFindings(
  db: Queryable,
  actor: Actor,
  q: ChainFindingsQuery,
  now = new Date(),
): Promise<QaChainFindingsReply> {
  const p = new SqlParams();
  const pattern = p.add(scopePattern(actor));
  const where = [
    inLocalDays('w.created_at', p.add(q.from), p.add(q.to)),
    `(${pattern} = '%' OR co.path LIKE ${pattern})`,
  ];
  const own = ownChains(actor, p);
  if (own) where.push(own);
  const findings = (await loadChains(db, where.join(' AND '), p.values))
    .flatMap((c) => evaluateChain(c, now, q.lang))
    .filter((f) => q.rule === undefined || f.ruleCode === q.rule);
  const start = (q.page - 1) * q.pageSize;
  return {
    items: findings.slice(start, start + q.pageSize),
    total: findings.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
