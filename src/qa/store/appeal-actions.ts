/** Filing and deciding appeals. */
import type { QaAppeal } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { scoreAfterReversal } from './appeal-score.js';
import { getAppealRow } from './appeals.js';
import { resolveCallFor } from './qa-access.js';
import { FINAL_SCORE } from './result-summary.js';
import { schemeDefinition } from './scheme-store.js';

export async function fileAppeal(db: Db, actor: Actor, hitId: number, reason: string): Promise<QaAppeal> {
  const rows = await db.query<{
    result_id: number;
    call_id: string;
    points: number;
    superseded_at: Date | null;
    agent_employee_id: number | null;
  }>(
    `SELECT h.result_id, r.call_id, h.points, r.superseded_at, r.agent_employee_id
     FROM qa_hit h JOIN qa_result r ON r.result_id = h.result_id WHERE h.hit_id = $1`,
    [hitId],
  );
  const hit = rows[0];
  if (!hit) throw notFound(`Hit ${hitId}`);
  const call = await resolveCallFor(db, actor, hit.call_id);
  if (actor.employeeId === null || call.agent_employee_id !== actor.employeeId) {
    throw new AppError(
      'QA_APPEAL_NOT_ALLOWED',
      `Only the agent who took call ${hit.call_id} may appeal its deductions`,
      403,
      { hitId },
    );
  }
  if (hit.points >= 0)
    throw new AppError('QA_APPEAL_NOT_ALLOWED', `Hit ${hitId} adds points; only deductions are appealed`, 409, {
      hitId,
    });
  if (hit.superseded_at !== null) {
    throw new AppError(
      'QA_APPEAL_NOT_ALLOWED',
      `Hit ${hitId} belongs to a result replaced by a newer inspection`,
      409,
      { hitId },
    );
  }
  const appealId = await db.transaction(async (tx) => {
    const inserted = await tx.query<{ appeal_id: number }>(
      `INSERT INTO qa_appeal (hit_id, result_id, call_id, agent_employee_id, appellant, reason)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hit_id) DO NOTHING RETURNING appeal_id`,
      [hitId, hit.result_id, hit.call_id, hit.agent_employee_id, actor.userId, reason],
    );
    const id = inserted[0]?.appeal_id;
    if (id === undefined)
      throw new AppError('QA_APPEAL_NOT_ALLOWED', `Hit ${hitId} has already been appealed`, 409, { hitId });
    await writeAudit(tx, actor, {
      action: 'qa_appeal',
      subjectType: 'call',
      subjectId: hit.call_id,
      reason,
      detail: { hitId, appealId: id },
    });
    return id;
  });
  return getAppealRow(db, appealId);
}

export async function decideAppeal(
  db: Db,
  actor: Actor,
  appealId: number,
  decision: 'upheld' | 'reversed',
  note: string,
): Promise<QaAppeal> {
  const appeal = await getAppealRow(db, appealId);
  const call = await resolveCallFor(db, actor, appeal.callId);
  if (appeal.status !== 'pending') {
    throw new AppError('QA_APPEAL_DECIDED', `Appeal ${appealId} was already ${appeal.status}`, 409, {
      appealId,
      status: appeal.status,
    });
  }
  await db.transaction(async (tx) => {
    const reviewers = await tx.query<{ inspector: number }>(
      'SELECT DISTINCT inspector FROM qa_review WHERE result_id = $1',
      [appeal.resultId],
    );
    const appellant = await tx.query<{ appellant: number }>('SELECT appellant FROM qa_appeal WHERE appeal_id = $1', [
      appealId,
    ]);
    if (
      reviewers.some((r) => r.inspector === actor.userId) ||
      appellant[0]?.appellant === actor.userId ||
      actor.employeeId === call.agent_employee_id
    ) {
      throw new AppError(
        'QA_SECOND_INSPECTOR_REQUIRED',
        `Appeal ${appealId} needs an inspector who has not reviewed call ${appeal.callId}`,
        403,
        {
          appealId,
        },
      );
    }
    const scoreAfter = decision === 'reversed' ? await reversedScore(tx, appeal.resultId, appeal.hitId) : null;
    const inserted = await tx.query<{ decision_id: number }>(
      `INSERT INTO qa_appeal_decision (appeal_id, decision, note, decided_by, score_after)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (appeal_id) DO NOTHING RETURNING decision_id`,
      [appealId, decision, note, actor.userId, scoreAfter],
    );
    if (!inserted[0])
      throw new AppError('QA_APPEAL_DECIDED', `Appeal ${appealId} was decided meanwhile`, 409, { appealId });
    await writeAudit(tx, actor, {
      action: `qa_appeal_${decision}`,
      subjectType: 'call',
      subjectId: appeal.callId,
      reason: note,
      detail: { appealId, scoreAfter },
    });
  });
  return getAppealRow(db, appealId);
}

async function reversedScore(tx: Queryable, resultId: number, hitId: number): Promise<number> {
  const results = await tx.query<{ scheme_version_id: number; final_score: number }>(
    `SELECT r.scheme_version_id, ${FINAL_SCORE} AS final_score FROM qa_result r WHERE r.result_id = $1`,
    [resultId],
  );
  const result = results[0];
  if (!result) throw notFound(`QA result ${resultId}`);
  const hits = await tx.query<{
    hit_id: number;
    rule_code: string;
    category: string;
    points: number;
    veto: boolean;
    reversed: boolean;
  }>(
    `SELECT h.hit_id, h.rule_code, h.category, h.points, h.veto,
       EXISTS (SELECT 1 FROM qa_appeal a JOIN qa_appeal_decision d ON d.appeal_id = a.appeal_id
               WHERE a.hit_id = h.hit_id AND d.decision = 'reversed') AS reversed
     FROM qa_hit h WHERE h.result_id = $1`,
    [resultId],
  );
  const scheme = await schemeDefinition(tx, result.scheme_version_id);
  return scoreAfterReversal(
    scheme,
    hits.map((h) => ({ hitId: h.hit_id, ruleCode: h.rule_code, category: h.category, points: h.points, veto: h.veto })),
    new Set(hits.filter((h) => h.reversed).map((h) => h.hit_id)),
    hitId,
    result.final_score,
  );
}
