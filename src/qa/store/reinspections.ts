/**
 * Re-inspection after a scheme change (Q1): a background job inspects every call of a period
 * with a published version of the routine scheme; its results replace the calls' current
 * routine results (the old ones are kept, superseded). It covers the whole company, not the
 * requester's scope: a scheme applies to every call.
 */
import type { QaReinspectionJob } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { createJob, getJob } from './jobs.js';
import { findVersion } from './scheme-store.js';

export interface ReinspectionRequest {
  schemeCode: string;
  version: number;
  from: string;
  to: string;
}

export async function startReinspection(
  db: Db,
  actor: Actor | null,
  req: ReinspectionRequest,
): Promise<QaReinspectionJob> {
  if (req.from > req.to)
    throw new AppError('VALIDATION_FAILED', `from ${req.from} is after to ${req.to}`, 400, { field: 'from' });
  const version = await findVersion(db, req.schemeCode, req.version);
  if (!version.routine) {
    throw new AppError(
      'QA_SCHEME_STATE',
      `${req.schemeCode} is not the routine scheme; inspect with it through a special topic`,
      409,
      {
        schemeCode: req.schemeCode,
      },
    );
  }
  if (version.status === 'draft') {
    throw new AppError(
      'QA_SCHEME_STATE',
      `Version ${req.version} of ${req.schemeCode} is a draft; backtest it, or publish it first`,
      409,
      {
        status: version.status,
      },
    );
  }
  const jobId = await db.transaction(async (tx) => {
    const id = await createJob(tx, {
      kind: 'reinspection',
      schemeVersionId: version.schemeVersionId,
      topicId: null,
      from: req.from,
      to: req.to,
      requestedBy: actor?.userId ?? null,
    });
    if (actor)
      await writeAudit(tx, actor, {
        action: 'qa_reinspection',
        subjectType: 'qa_job',
        subjectId: String(id),
        detail: { ...req },
      });
    return id;
  });
  return getJob(db, jobId);
}
