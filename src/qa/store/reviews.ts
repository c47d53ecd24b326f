/** Manual QA (人工质检): an inspector's score and comment on a result; append-only. */
import type { QaReview } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { resolveCallFor } from './qa-access.js';
import { iso, userColumns, userRef } from './user-ref.js';

const REVIEW_SELECT = `SELECT v.review_id, v.result_id, v.score, v.comment, v.created_at, ${userColumns('u', 'inspector')}
  FROM qa_review v JOIN app_user u ON u.user_id = v.inspector`;

type ReviewRow = { review_id: number; result_id: number; score: number; comment: string; created_at: Date } & Record<
  string,
  unknown
>;

const toReview = (r: ReviewRow): QaReview => ({
  reviewId: r.review_id,
  resultId: r.result_id,
  inspector: userRef(r, 'inspector') ?? { username: '', displayName: '' },
  score: r.score,
  comment: r.comment,
  createdAt: iso(r.created_at) as string,
});

export async function reviewsOfCall(db: Queryable, callId: string): Promise<QaReview[]> {
  const rows = await db.query<ReviewRow>(`${REVIEW_SELECT} WHERE v.call_id = $1 ORDER BY v.created_at, v.review_id`, [
    callId,
  ]);
  return rows.map(toReview);
}

/** The call's current routine result, or QA_NOT_INSPECTED. */
export async function currentResultId(db: Queryable, callId: string): Promise<number> {
  const rows = await db.query<{ result_id: number }>(
    'SELECT result_id FROM qa_result WHERE call_id = $1 AND topic_id IS NULL AND superseded_at IS NULL',
    [callId],
  );
  if (!rows[0]) throw new AppError('QA_NOT_INSPECTED', `Call ${callId} has not been inspected yet`, 409, { callId });
  return rows[0].result_id;
}

export interface ReviewInput {
  resultId?: number | undefined;
  score: number;
  comment: string;
}

export async function addReview(db: Db, actor: Actor, callId: string, input: ReviewInput): Promise<QaReview> {
  await resolveCallFor(db, actor, callId);
  const resultId = input.resultId ?? (await currentResultId(db, callId));
  const base = await db.query<{ base_score: number }>(
    'SELECT base_score FROM qa_result WHERE result_id = $1 AND call_id = $2',
    [resultId, callId],
  );
  if (!base[0]) throw notFound(`QA result ${resultId} of call ${callId}`);
  if (input.score > base[0].base_score) {
    throw new AppError(
      'VALIDATION_FAILED',
      `score ${input.score} is above the scheme's base score ${base[0].base_score}`,
      400,
      { field: 'score' },
    );
  }
  const id = await db.transaction(async (tx) => {
    const rows = await tx.query<{ review_id: number }>(
      'INSERT INTO qa_review (result_id, call_id, inspector, score, comment) VALUES ($1, $2, $3, $4, $5) RETURNING review_id',
      [resultId, callId, actor.userId, input.score, input.comment],
    );
    const reviewId = rows[0]?.review_id as number;
    await writeAudit(tx, actor, {
      action: 'qa_review',
      subjectType: 'call',
      subjectId: callId,
      detail: { resultId, score: input.score },
    });
    return reviewId;
  });
  const rows = await db.query<ReviewRow>(`${REVIEW_SELECT} WHERE v.review_id = $1`, [id]);
  return toReview(rows[0] as ReviewRow);
}
