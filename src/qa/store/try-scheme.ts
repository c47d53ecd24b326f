/**
 * "Try it on this transcript" for the scheme editor: a scheme (unsaved JSON or a stored
 * version), or one rule of it, run on a pasted transcript or a stored call. Nothing is saved;
 * bad JSON fails with the same QA_RULE_INVALID errors as saving it would.
 */
import type { QaTryRequest, QaTryResult } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import { compileScheme } from '../compile-scheme.js';
import { inspect } from '../inspect.js';
import type { QaScheme } from '../rule-language.js';
import type { TranscriptTurn } from '../transcript.js';
import { validateScheme } from '../validate-scheme.js';
import { maskEvidence } from './call-detail.js';
import { loadCallTranscripts } from './call-transcripts.js';
import { storedHits } from './inspect-calls.js';
import { maskWithOffsets, type PiiOwner } from './masked-spans.js';
import { resolveCallFor } from './qa-access.js';
import { findVersion, routineLiveVersion, schemeDefinition } from './scheme-store.js';

async function schemeToTry(db: Queryable, req: QaTryRequest): Promise<QaScheme> {
  if (req.definition !== undefined) return validateScheme(req.definition);
  if (req.schemeCode !== undefined && req.version !== undefined) {
    return schemeDefinition(db, (await findVersion(db, req.schemeCode, req.version)).schemeVersionId);
  }
  const live = await routineLiveVersion(db);
  if (!live)
    throw new AppError('QA_SCHEME_STATE', 'No routine scheme is live; pass a definition or a scheme version', 409);
  return schemeDefinition(db, live.schemeVersionId);
}

export async function tryScheme(db: Queryable, actor: Actor, req: QaTryRequest): Promise<QaTryResult> {
  let scheme = await schemeToTry(db, req);
  if (req.ruleCode !== undefined) {
    const rule = scheme.rules.find((r) => r.id === req.ruleCode);
    if (!rule) throw notFound(`Rule ${req.ruleCode} in scheme ${scheme.id}`);
    scheme = { ...scheme, rules: [{ ...rule, enabled: true }] };
  }
  let turns: TranscriptTurn[];
  let owners: PiiOwner[] = [];
  if (req.transcript) {
    turns = req.transcript.turns.map((t, i) => ({
      seq: i + 1,
      speaker: t.speaker,
      start_ms: t.startMs,
      end_ms: t.endMs,
      text: t.text,
    }));
  } else if (req.callId) {
    const call = await resolveCallFor(db, actor, req.callId);
    turns = (await loadCallTranscripts(db, [req.callId]))[0]?.turns ?? [];
    if (call.customer_name && call.customer_type)
      owners = [{ name: call.customer_name, customer_type: call.customer_type, address: call.customer_address }];
  } else {
    throw new AppError('VALIDATION_FAILED', 'Pass a transcript or a callId to try the scheme on', 400, {
      field: 'transcript',
    });
  }
  const result = inspect(compileScheme(scheme), { turns });
  const masked = new Map(turns.map((t) => [t.seq as number, maskWithOffsets(t.text, owners)]));
  const categoryName = new Map(result.categoryScores.map((c) => [c.category, c.name]));
  return {
    scheme: { code: scheme.id, version: scheme.version },
    score: result.score,
    baseScore: result.baseScore,
    vetoed: result.vetoed,
    categoryScores: result.categoryScores,
    hits: storedHits(result, turns).map((h) => ({
      ...h,
      ...maskEvidence(h, masked, owners),
      categoryName: categoryName.get(h.category) ?? h.category,
      evidence: h.evidence.map((e) => maskEvidence(e, masked, owners)),
    })),
    passedRules: result.passedRules,
    turns: turns.map((t) => ({
      seq: t.seq as number,
      speaker: t.speaker,
      startMs: t.start_ms,
      endMs: t.end_ms,
      text: masked.get(t.seq as number)?.text ?? t.text,
    })),
  };
}
