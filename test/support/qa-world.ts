/** QA test data: calls with transcripts, and draining the inspection queue without the worker. */
import type { Db, Queryable } from '../../src/db/db.js';
import { CompiledSchemes } from '../../src/qa/store/compiled-schemes.js';
import { inspectPendingBatch } from '../../src/qa/store/inspect-pending.js';
import { runJobBatch } from '../../src/qa/store/run-job.js';
import { uid } from './api-world.js';

export type TurnInput = [speaker: 'agent' | 'customer' | 'system', text: string, startS?: number, endS?: number];

export interface CallInput {
  agentEmployeeId: number | null;
  customerId?: number | null;
  startedAt?: string;
  durationS?: number;
  turns: TurnInput[];
  caseId?: string | null;
  orderNo?: string | null;
  direction?: 'inbound' | 'outbound';
}

/** Turns without timings speak at 4 characters per second, 1 s apart. */
export async function insertCall(db: Queryable, input: CallInput): Promise<string> {
  const callId = uid('QC');
  const started = input.startedAt ?? '2026-05-10T02:00:00Z';
  const ended = new Date(Date.parse(started) + (input.durationS ?? 180) * 1000).toISOString();
  await db.query(
    `INSERT INTO call (call_id, customer_id, agent_employee_id, channel, direction, started_at, ended_at, case_id, order_no)
     VALUES ($1, $2, $3, 'phone_95598', $4, $5, $6, $7, $8)`,
    [
      callId,
      input.customerId ?? null,
      input.agentEmployeeId,
      input.direction ?? 'inbound',
      started,
      ended,
      input.caseId ?? null,
      input.orderNo ?? null,
    ],
  );
  let clock = 0;
  const rows = input.turns.map(([speaker, text, startS, endS], seq) => {
    const start = startS !== undefined ? startS * 1000 : clock + (seq === 0 ? 0 : 1000);
    const end = endS !== undefined ? endS * 1000 : start + Math.max(500, Math.round((text.length / 4) * 1000));
    clock = end;
    return { seq: seq + 1, speaker, start, end, text };
  });
  await db.query(
    `INSERT INTO call_turn (call_id, seq, speaker, start_ms, end_ms, text)
     SELECT $1, u.seq, u.speaker, u.s, u.e, u.t FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::text[]) AS u(seq, speaker, s, e, t)`,
    [
      callId,
      rows.map((r) => r.seq),
      rows.map((r) => r.speaker),
      rows.map((r) => r.start),
      rows.map((r) => r.end),
      rows.map((r) => r.text),
    ],
  );
  return callId;
}

/** A clean call by the default scheme's norms: greeting, self-introduction, identity check, closing. */
export const CLEAN_TURNS: TurnInput[] = [
  ['agent', '您好，国家电网95598，工号3021，很高兴为您服务。'],
  ['customer', '你好，我想问一下这个月的电费。'],
  ['agent', '好的，跟您确认一下，您是想查询本月电费对吗？请您提供一下户号和户主姓名，我帮您核实身份。'],
  ['customer', '户号是0731000123，户主是我本人。'],
  ['agent', '感谢您的耐心，已经为您查到了，本月电费已经出账，请问还有什么可以帮您？'],
  ['customer', '好的，谢谢您。'],
  ['agent', '感谢您的来电，再见。'],
];

const schemes = new CompiledSchemes();

/** Inspects every pending call now (what the worker does within a second). */
export async function drainPending(db: Db): Promise<void> {
  while ((await inspectPendingBatch(db, schemes, 200)) > 0) {
    /* next batch */
  }
}

/** Runs open jobs to the end. */
export async function runJobs(db: Db, batch = 500): Promise<void> {
  while ((await runJobBatch(db, schemes, batch)) > 0) {
    /* next batch */
  }
}
