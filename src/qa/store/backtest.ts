/**
 * Backtest (Q3): before a scheme version goes live, inspect past calls of a period with the
 * candidate and with the baseline (the live version by default) and compare hit counts per
 * rule and the score distribution. Runs in the request on at most `maxCalls` calls of the
 * caller's scope, most recent first, loaded and inspected in batches; nothing is written.
 */
import type { QaBacktestRequest, QaBacktestResult } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { compileScheme } from '../compile-scheme.js';
import { inspect } from '../inspect.js';
import { type CallVerdicts, tallyBacktest } from './backtest-tally.js';
import { loadCallTranscripts } from './call-transcripts.js';
import { inLocalDays } from './period.js';
import { scopeCondition } from './qa-access.js';
import { findVersion, liveVersionOf, schemeDefinition } from './scheme-store.js';
import { SqlParams } from './sql-params.js';

export const BACKTEST_DEFAULT_CALLS = 2000;
const BATCH = 500;

export async function backtest(db: Queryable, actor: Actor, req: QaBacktestRequest): Promise<QaBacktestResult> {
  const candidate = await findVersion(db, req.schemeCode, req.version);
  const baseline =
    req.baselineVersion !== undefined
      ? await findVersion(db, req.schemeCode, req.baselineVersion)
      : await liveVersionOf(db, req.schemeCode);
  if (!baseline)
    throw new AppError(
      'QA_SCHEME_STATE',
      `Scheme ${req.schemeCode} has no live version to compare with; pass baselineVersion`,
      409,
    );
  const [candidateScheme, baselineScheme] = await Promise.all([
    schemeDefinition(db, candidate.schemeVersionId),
    schemeDefinition(db, baseline.schemeVersionId),
  ]);
  const candidateCompiled = compileScheme(candidateScheme);
  const baselineCompiled = compileScheme(baselineScheme);

  const maxCalls = req.maxCalls ?? BACKTEST_DEFAULT_CALLS;
  const p = new SqlParams();
  const period = inLocalDays('k.started_at', p.add(req.from), p.add(req.to));
  const scope = scopeCondition(actor, p, 'k.agent_employee_id', 'o.path');
  const picked = await db.query<{ call_id: string }>(
    `SELECT k.call_id FROM call k LEFT JOIN employee e ON e.employee_id = k.agent_employee_id
     LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
     WHERE ${period} AND ${scope} AND EXISTS (SELECT 1 FROM call_turn t WHERE t.call_id = k.call_id)
     ORDER BY k.started_at DESC, k.call_id DESC LIMIT ${p.add(maxCalls + 1)}`,
    p.values,
  );
  const truncated = picked.length > maxCalls;
  const ids = picked.slice(0, maxCalls).map((r) => r.call_id);

  const verdicts: CallVerdicts[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const call of await loadCallTranscripts(db, ids.slice(i, i + BATCH))) {
      const before = inspect(baselineCompiled, { turns: call.turns });
      const after = inspect(candidateCompiled, { turns: call.turns });
      verdicts.push({
        callId: call.callId,
        baselineScore: before.score,
        candidateScore: after.score,
        baselineRules: before.hits.map((h) => h.ruleId),
        candidateRules: after.hits.map((h) => h.ruleId),
      });
    }
  }
  return {
    schemeCode: req.schemeCode,
    candidate: { code: candidate.code, version: candidate.version, status: candidate.status },
    baseline: { code: baseline.code, version: baseline.version, status: baseline.status },
    from: req.from,
    to: req.to,
    truncated,
    ...tallyBacktest(baselineScheme, candidateScheme, verdicts),
  };
}
