/** Background inspection jobs (re-inspection, special topics): rows with progress. */
import type { QaJobStatus, QaReinspectionJob } from '../../api/qa-contract.js';
import { type Actor, can, requireInScope } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { iso, userColumns, userRef } from './user-ref.js';

export interface NewJob {
  kind: 'reinspection' | 'topic';
  schemeVersionId: number;
  topicId: number | null;
  from: string;
  to: string;
  requestedBy: number | null;
}

export async function createJob(tx: Queryable, job: NewJob): Promise<number> {
  const rows = await tx.query<{ job_id: number }>(
    `INSERT INTO qa_job (kind, scheme_version_id, topic_id, period_from, period_to, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING job_id`,
    [job.kind, job.schemeVersionId, job.topicId, job.from, job.to, job.requestedBy],
  );
  return rows[0]?.job_id as number;
}

export const JOB_SELECT = `SELECT j.job_id, j.kind, v.scheme_code, v.version, j.period_from, j.period_to, j.topic_id, j.status,
    j.total, j.done, j.created_at, j.started_at, j.finished_at, j.error, ${userColumns('u', 'requested')}
  FROM qa_job j JOIN qa_scheme_version v ON v.scheme_version_id = j.scheme_version_id
  LEFT JOIN app_user u ON u.user_id = j.requested_by`;

export type JobRow = {
  job_id: number;
  kind: 'reinspection' | 'topic';
  scheme_code: string;
  version: number;
  period_from: string;
  period_to: string;
  topic_id: number | null;
  status: QaJobStatus;
  total: number;
  done: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
} & Record<string, unknown>;

export function toJob(r: JobRow): QaReinspectionJob {
  return {
    jobId: r.job_id,
    kind: r.kind,
    scheme: { code: r.scheme_code, version: r.version },
    from: r.period_from,
    to: r.period_to,
    topicId: r.topic_id,
    status: r.status,
    total: Math.max(r.total, r.done),
    done: r.done,
    requestedBy: userRef(r, 'requested'),
    createdAt: iso(r.created_at) as string,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    error: r.error,
  };
}

export async function getJob(db: Queryable, jobId: number): Promise<QaReinspectionJob> {
  const rows = await db.query<JobRow>(`${JOB_SELECT} WHERE j.job_id = $1`, [jobId]);
  if (!rows[0]) throw notFound(`QA job ${jobId}`);
  return toJob(rows[0]);
}

/**
 * Re-inspection jobs are scheme work over the whole company (reinspections.ts): scheme editors
 * and inspectors follow them, agents and managers do not.
 */
export function requireJobReader(actor: Actor): void {
  if (can(actor, 'qa:scheme') || can(actor, 'qa:inspect')) return;
  throw new AppError(
    'AUTH_FORBIDDEN',
    `Your role (${actor.role}) lacks the permission qa:scheme or qa:inspect that re-inspection jobs need`,
    403,
    { permission: 'qa:scheme' },
  );
}

/**
 * A job for this actor: a re-inspection for scheme editors and inspectors, a special topic's
 * job for whoever may read the topic (its scope covers the topic's), as GET /qa/topics/:id.
 */
export async function getJobFor(db: Queryable, actor: Actor, jobId: number): Promise<QaReinspectionJob> {
  const rows = await db.query<JobRow & { topic_scope: string | null }>(
    `${JOB_SELECT} LEFT JOIN qa_topic t ON t.topic_id = j.topic_id WHERE j.job_id = $1`.replace(
      'SELECT ',
      'SELECT t.scope_path AS topic_scope, ',
    ),
    [jobId],
  );
  const row = rows[0];
  if (!row) throw notFound(`QA job ${jobId}`);
  if (row.kind === 'reinspection') requireJobReader(actor);
  else requireInScope(actor, row.topic_scope ?? '/', `QA job ${jobId}`);
  return toJob(row);
}

export async function listJobs(
  db: Queryable,
  kind: 'reinspection' | 'topic',
  limit = 50,
): Promise<QaReinspectionJob[]> {
  const rows = await db.query<JobRow>(`${JOB_SELECT} WHERE j.kind = $1 ORDER BY j.job_id DESC LIMIT $2`, [kind, limit]);
  return rows.map(toJob);
}
