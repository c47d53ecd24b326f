import type { QaCallDetail, QaHit, QaResultsReply } from '../../src/api/contract.js';
import type { ApiSession } from './support/server.js';

/** A call with a hit highlighted at a character span, and that span's text. */
export interface MarkedCall {
  callId: string;
  hit: QaHit;
  spanText: string;
}

const spanOf = (detail: QaCallDetail, hit: QaHit): string | null => {
  if (hit.turnSeq === null || hit.charStart === null || hit.charEnd === null) return null;
  const turn = detail.turns.find((t) => t.seq === hit.turnSeq);
  return turn ? turn.text.slice(hit.charStart, hit.charEnd) : null;
};

/** The first flagged call on the workbench's first page (not `avoid`) with a deduction marked in the text. */
export async function findFlaggedMarkedCall(qa: ApiSession, avoid: string): Promise<MarkedCall> {
  const flagged = await qa.get<QaResultsReply>('/api/v1/qa/results?flagged=true&page=1&pageSize=20');
  for (const result of flagged.items) {
    if (result.callId === avoid) continue;
    const detail = await qa.get<QaCallDetail>(`/api/v1/qa/calls/${encodeURIComponent(result.callId)}`);
    for (const hit of detail.result?.hits ?? []) {
      const spanText = hit.points < 0 ? spanOf(detail, hit) : null;
      if (spanText) return { callId: result.callId, hit, spanText };
    }
  }
  throw new Error(
    `No flagged call on the first workbench page has a deduction marked in the text (${flagged.total} flagged)`,
  );
}

/**
 * One of the agent's own calls with a deduction not appealed yet (what the agent account may
 * appeal), scored below the full 100 so that reversing the deduction shows in the score (bonus
 * points can lift a call with a deduction back to the cap).
 */
export async function findAppealableCall(
  agent: ApiSession,
): Promise<{ callId: string; hit: QaHit; finalScore: number }> {
  for (let page = 1; page <= 5; page++) {
    const own = await agent.get<QaResultsReply>(`/api/v1/qa/results?page=${page}&pageSize=50`);
    for (const result of own.items) {
      if (result.deductionRules.length === 0) continue;
      const detail = await agent.get<QaCallDetail>(`/api/v1/qa/calls/${encodeURIComponent(result.callId)}`);
      const hit = detail.result?.hits.find((h) => h.points < 0 && h.appeal === null);
      if (detail.may.appeal && detail.result && detail.result.finalScore < 100 && hit)
        return { callId: result.callId, hit, finalScore: detail.result.finalScore };
    }
    if (page * 50 >= own.total) break;
  }
  // The demo links the `agent` account to an agent who takes calls (src/auth/demo-accounts.ts);
  // a world too small to give that agent a call with a deduction cannot run this test.
  throw new Error('The demo agent account has no call with an unappealed deduction; raise GRIDCARE_E2E_DEMO_CUSTOMERS');
}

/**
 * The demo world's period as the API shows it: the twelve months up to the newest inspected
 * call (local dates, Asia/Shanghai), so the test follows the world rather than a fixed year.
 */
export async function demoPeriod(qa: ApiSession): Promise<{ from: string; to: string }> {
  const newest = (await qa.get<QaResultsReply>('/api/v1/qa/results?page=1&pageSize=1')).items[0];
  if (!newest) throw new Error('The demo world has no inspected call');
  const localDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const to = new Date(newest.startedAt);
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth() + 1, 1) - 8 * 3_600_000);
  return { from: localDay(from), to: localDay(to) };
}
