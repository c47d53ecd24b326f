/**
 * Drains calls awaiting inspection (qa_pending, filled by the call_turn triggers) in one
 * transaction per batch: claim (SKIP LOCKED, so several workers share the queue), load the
 * transcripts, inspect with the routine scheme's live version, write results and hits, and
 * delete the marks. Turns added by an ingest still open when the batch claimed the call mark
 * it again when that ingest commits, so no change goes uninspected.
 */
import type { Db } from '../../db/db.js';
import { loadCallTranscripts } from './call-transcripts.js';
import type { CompiledSchemes } from './compiled-schemes.js';
import { inspectCall } from './inspect-calls.js';
import { routineLiveVersion } from './scheme-store.js';
import { writeResults } from './write-results.js';

/** Returns how many calls it claimed (0: nothing pending, or no live routine scheme). */
export async function inspectPendingBatch(db: Db, schemes: CompiledSchemes, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const live = await routineLiveVersion(tx);
    if (!live) return 0;
    const claimed = await tx.query<{ call_id: string }>(
      'SELECT call_id FROM qa_pending ORDER BY marked_at, call_id LIMIT $1 FOR UPDATE SKIP LOCKED',
      [limit],
    );
    if (claimed.length === 0) return 0;
    const ids = claimed.map((r) => r.call_id);
    const compiled = await schemes.get(tx, live.schemeVersionId);
    const calls = await loadCallTranscripts(tx, ids);
    const inspected = calls.filter((c) => c.turns.length > 0).map((c) => inspectCall(compiled, c));
    await writeResults(
      tx,
      {
        schemeVersionId: live.schemeVersionId,
        schemeCode: compiled.scheme.id,
        schemeVersion: compiled.scheme.version,
        topicId: null,
        jobId: null,
      },
      inspected,
    );
    await tx.query('DELETE FROM qa_pending WHERE call_id = ANY($1::text[])', [ids]);
    return claimed.length;
  });
}
