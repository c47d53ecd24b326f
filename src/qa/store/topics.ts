/**
 * Special-topic QA (专题质检, Q2): a topic (e.g. outage calls in a storm week), a period, a
 * dedicated published scheme version and a filter; a background job inspects the matching
 * calls of the creator's scope and tags the results with the topic.
 */
import type { QaTopic, QaTopicFilter, QaTopicRequest } from '../../api/qa-contract.js';
import { type Actor, requireInScope, scopePattern } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { createJob, JOB_SELECT, type JobRow, toJob } from './jobs.js';
import { findVersion } from './scheme-store.js';
import { iso, userColumns, userRef } from './user-ref.js';

const TOPIC_SELECT = `SELECT t.topic_id, t.name, t.description, v.scheme_code, v.version, t.period_from, t.period_to, t.filter,
    t.created_at, ${userColumns('u', 'creator')},
    (SELECT max(job_id) FROM qa_job j WHERE j.topic_id = t.topic_id) AS job_id,
    (SELECT count(*) FROM qa_result r WHERE r.topic_id = t.topic_id AND r.superseded_at IS NULL)::int AS results,
    (SELECT round(avg(r.score), 2) FROM qa_result r WHERE r.topic_id = t.topic_id AND r.superseded_at IS NULL) AS mean_score,
    (SELECT count(*) FROM qa_result r WHERE r.topic_id = t.topic_id AND r.superseded_at IS NULL AND r.flagged)::int AS flagged
  FROM qa_topic t JOIN qa_scheme_version v ON v.scheme_version_id = t.scheme_version_id
  LEFT JOIN app_user u ON u.user_id = t.created_by`;

type TopicRow = {
  topic_id: number;
  name: string;
  description: string;
  scheme_code: string;
  version: number;
  period_from: string;
  period_to: string;
  filter: QaTopicFilter;
  created_at: Date;
  job_id: number | null;
  results: number;
  mean_score: number | null;
  flagged: number;
} & Record<string, unknown>;

/** A topic is visible to readers whose scope covers the topic's scope. */
const TOPIC_SCOPE = `($1 = '%' OR t.scope_path LIKE $1)`;

async function toTopics(db: Queryable, rows: TopicRow[]): Promise<QaTopic[]> {
  const jobIds = rows.map((r) => r.job_id).filter((id): id is number => id !== null);
  const jobs =
    jobIds.length === 0 ? [] : await db.query<JobRow>(`${JOB_SELECT} WHERE j.job_id = ANY($1::bigint[])`, [jobIds]);
  const jobOf = new Map(jobs.map((j) => [j.job_id, toJob(j)]));
  return rows.map((r) => ({
    topicId: r.topic_id,
    name: r.name,
    description: r.description,
    scheme: { code: r.scheme_code, version: r.version },
    from: r.period_from,
    to: r.period_to,
    filter: r.filter,
    createdBy: userRef(r, 'creator'),
    createdAt: iso(r.created_at) as string,
    job: r.job_id === null ? null : (jobOf.get(r.job_id) ?? null),
    summary: { results: r.results, meanScore: r.mean_score, flagged: r.flagged },
  }));
}

export async function listTopics(db: Queryable, actor: Actor): Promise<QaTopic[]> {
  const rows = await db.query<TopicRow>(`${TOPIC_SELECT} WHERE ${TOPIC_SCOPE} ORDER BY t.topic_id DESC LIMIT 200`, [
    scopePattern(actor),
  ]);
  return toTopics(db, rows);
}

export async function getTopic(db: Queryable, actor: Actor, topicId: number): Promise<QaTopic> {
  const rows = await db.query<TopicRow & { scope_path: string | null }>(
    `${TOPIC_SELECT.replace('SELECT ', 'SELECT t.scope_path, ')} WHERE t.topic_id = $1`,
    [topicId],
  );
  const row = rows[0];
  if (!row) throw notFound(`QA topic ${topicId}`);
  requireInScope(actor, row.scope_path ?? '/', `QA topic ${topicId}`);
  return (await toTopics(db, [row]))[0] as QaTopic;
}

export async function createTopic(db: Db, actor: Actor, req: QaTopicRequest): Promise<QaTopic> {
  if (req.from > req.to)
    throw new AppError('VALIDATION_FAILED', `from ${req.from} is after to ${req.to}`, 400, { field: 'from' });
  const version = await findVersion(db, req.schemeCode, req.version);
  if (version.status === 'draft') {
    throw new AppError(
      'QA_SCHEME_STATE',
      `Version ${req.version} of ${req.schemeCode} is a draft; publish it before a special topic uses it`,
      409,
      {
        status: version.status,
      },
    );
  }
  let scopePath = actor.orgPath;
  if (req.filter.orgUnitId) {
    const units = await db.query<{ path: string }>('SELECT path FROM org_unit WHERE org_unit_id = $1', [
      req.filter.orgUnitId,
    ]);
    if (!units[0]) throw notFound(`Org unit ${req.filter.orgUnitId}`);
    requireInScope(actor, units[0].path, `Org unit ${req.filter.orgUnitId}`);
    scopePath = units[0].path;
  }
  const filter: QaTopicFilter = {
    workOrderTopics: req.filter.workOrderTopics ?? [],
    workOrderTypes: req.filter.workOrderTypes ?? [],
    keywords: (req.filter.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0),
    orgUnitId: req.filter.orgUnitId ?? null,
  };
  const topicId = await db.transaction(async (tx) => {
    const rows = await tx.query<{ topic_id: number }>(
      `INSERT INTO qa_topic (name, description, scheme_version_id, period_from, period_to, filter, scope_path, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING topic_id`,
      [
        req.name,
        req.description ?? '',
        version.schemeVersionId,
        req.from,
        req.to,
        JSON.stringify(filter),
        scopePath,
        actor.userId,
      ],
    );
    const id = rows[0]?.topic_id as number;
    await createJob(tx, {
      kind: 'topic',
      schemeVersionId: version.schemeVersionId,
      topicId: id,
      from: req.from,
      to: req.to,
      requestedBy: actor.userId,
    });
    await writeAudit(tx, actor, {
      action: 'qa_topic',
      subjectType: 'qa_topic',
      subjectId: String(id),
      detail: { name: req.name, scheme: `${req.schemeCode}@${req.version}` },
    });
    return id;
  });
  return getTopic(db, actor, topicId);
}
