/** Calls with their transcripts, loaded set-based: two queries for a whole batch. */
import type { Queryable } from '../../db/db.js';
import { type Channel, isChannel } from '../../traces/vocabulary.js';
import type { TranscriptTurn } from '../transcript.js';

export interface CallTranscript {
  callId: string;
  agentEmployeeId: number | null;
  startedAt: Date;
  durationS: number;
  channel: Channel | undefined;
  turns: TranscriptTurn[];
}

export async function loadCallTranscripts(db: Queryable, callIds: readonly string[]): Promise<CallTranscript[]> {
  if (callIds.length === 0) return [];
  const calls = await db.query<{
    call_id: string;
    agent_employee_id: number | null;
    started_at: Date;
    duration_s: number;
    channel: string;
  }>(
    `SELECT call_id, agent_employee_id, started_at, channel, greatest(0, round(extract(epoch FROM ended_at - started_at)))::int AS duration_s
     FROM call WHERE call_id = ANY($1::text[]) ORDER BY started_at, call_id`,
    [callIds],
  );
  const turns = await db.query<{
    call_id: string;
    seq: number;
    speaker: TranscriptTurn['speaker'];
    start_ms: number;
    end_ms: number;
    text: string;
  }>(
    'SELECT call_id, seq, speaker, start_ms, end_ms, text FROM call_turn WHERE call_id = ANY($1::text[]) ORDER BY call_id, seq',
    [callIds],
  );
  const byCall = new Map<string, TranscriptTurn[]>();
  for (const t of turns) {
    const list = byCall.get(t.call_id) ?? [];
    if (list.length === 0) byCall.set(t.call_id, list);
    list.push({ seq: t.seq, speaker: t.speaker, start_ms: t.start_ms, end_ms: t.end_ms, text: t.text });
  }
  return calls.map((c) => ({
    callId: c.call_id,
    agentEmployeeId: c.agent_employee_id,
    startedAt: new Date(c.started_at),
    durationS: c.duration_s,
    channel: isChannel(c.channel) ? c.channel : undefined,
    turns: byCall.get(c.call_id) ?? [],
  }));
}
