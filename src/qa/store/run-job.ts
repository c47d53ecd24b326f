/**
 * One batch of the oldest open job: the next calls of its period after the job's cursor
 * (started_at, call_id), inspected with the job's scheme version and written in the same
 * transaction as the cursor and progress, so a stopped worker resumes without gaps or repeats.
 */
import type { QaTopicFilter } from '../../api/qa-contract.js';
import type { Db } from '../../db/db.js';
import { loadCallTranscripts } from './call-transcripts.js';
import type { CompiledSchemes } from './compiled-schemes.js';
import { inspectCall } from './inspect-calls.js';
import { jobCallsSql } from './job-calls.js';
import { writeResults } from './write-results.js';

interface OpenJob {
  job_id: number;
  status: 'queued' | 'running';
  scheme_version_id: number;
  topic_id: number | null;
  period_from: string;
  period_to: string;
  cursor_call_id: string | null;
  filter: QaTopicFilter | null;
  scope_path: string | null;
}

/** Returns how many calls the batch inspected (0: no open job). A failing job is marked failed. */
/** `onlyJob`: advance that job only (the CLI runs the job it started). */
export async function runJobBatch(
  db: Db,
  schemes: CompiledSchemes,
  limit: number,
  onlyJob: number | null = null,
): Promise<number> {
  let jobId: number | null = null;
  try {
    return await db.transaction(async (tx) => {
      const jobs = await tx.query<OpenJob>(
        `SELECT j.job_id, j.status, j.scheme_version_id, j.topic_id, j.period_from, j.period_to, j.cursor_call_id,
           t.filter, t.scope_path
         FROM qa_job j LEFT JOIN qa_topic t ON t.topic_id = j.topic_id
         WHERE j.status IN ('queued', 'running') AND ($1::bigint IS NULL OR j.job_id = $1)
         ORDER BY j.job_id LIMIT 1 FOR UPDATE OF j SKIP LOCKED`,
        [onlyJob],
      );
      const job = jobs[0];
      if (!job) return 0;
      jobId = job.job_id;
      const { from, params } = jobCallsSql({
        from: job.period_from,
        to: job.period_to,
        scopePath: job.scope_path,
        filter: job.filter,
      });
      if (job.status === 'queued') {
        const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
        await tx.query(`UPDATE qa_job SET status = 'running', started_at = now(), total = $2 WHERE job_id = $1`, [
          job.job_id,
          count[0]?.n ?? 0,
        ]);
      }
      const n = params.length;
      const next = await tx.query<{ call_id: string }>(
        `SELECT c.call_id ${from}
           AND (NOT $${n + 1}::boolean OR (c.started_at, c.call_id) > (SELECT cursor_at, cursor_call_id FROM qa_job WHERE job_id = $${n + 2}))
         ORDER BY c.started_at, c.call_id LIMIT $${n + 3}`,
        [...params, job.cursor_call_id !== null, job.job_id, limit],
      );
      const compiled = await schemes.get(tx, job.scheme_version_id);
      const calls = await loadCallTranscripts(
        tx,
        next.map((r) => r.call_id),
      );
      await writeResults(
        tx,
        {
          schemeVersionId: job.scheme_version_id,
          schemeCode: compiled.scheme.id,
          schemeVersion: compiled.scheme.version,
          topicId: job.topic_id,
          jobId: job.job_id,
        },
        calls.map((c) => inspectCall(compiled, c)),
      );
      const last = next[next.length - 1];
      const finished = next.length < limit;
      await tx.query(
        // The cursor's time is read in SQL: a JS Date would cut microseconds and revisit the call.
        `UPDATE qa_job SET done = done + $2,
           cursor_at = coalesce((SELECT started_at FROM call WHERE call_id = $3), cursor_at), cursor_call_id = coalesce($3, cursor_call_id),
           status = CASE WHEN $4 THEN 'done' ELSE 'running' END, finished_at = CASE WHEN $4 THEN now() END
         WHERE job_id = $1`,
        [job.job_id, next.length, last?.call_id ?? null, finished],
      );
      return next.length;
    });
  } catch (error) {
    if (jobId !== null) {
      await db.query(`UPDATE qa_job SET status = 'failed', finished_at = now(), error = $2 WHERE job_id = $1`, [
        jobId,
        (error as Error).message,
      ]);
    }
    throw error;
  }
}
