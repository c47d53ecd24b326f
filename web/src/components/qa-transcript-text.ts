/**
 * A transcript typed or pasted into the "try it" panel, one turn per line:
 *
 *   坐席：您好，国网客服中心，工号3021。
 *   客户[3-9.5]：我家停电了，怎么搞的！
 *
 * Speaker 坐席 / agent / A, 客户 / customer / C, 系统 / system / S, then an optional
 * [start-end] in seconds, then ':' or '：'. Without times a turn lasts one second per four
 * characters and starts 0.8 s after the one before (as the scheme's examples do).
 */
import type { QaSpeaker } from '../../../src/api/contract.js';

export interface TypedTurn {
  speaker: QaSpeaker;
  startMs: number;
  endMs: number;
  text: string;
}

export type ParsedTranscript = { ok: true; turns: TypedTurn[] } | { ok: false; line: number; text: string };

const SPEAKERS: Record<string, QaSpeaker> = {
  坐席: 'agent',
  客服: 'agent',
  agent: 'agent',
  a: 'agent',
  客户: 'customer',
  customer: 'customer',
  c: 'customer',
  系统: 'system',
  system: 'system',
  s: 'system',
};

const LINE = /^\s*([^\s:：[\]]+)\s*(?:\[\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*\])?\s*[:：]\s*(.*)$/;

export function parseTranscriptText(input: string): ParsedTranscript {
  const turns: TypedTurn[] = [];
  let clockMs = 0;
  const lines = input.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const match = LINE.exec(raw);
    const speaker = match ? SPEAKERS[(match[1] ?? '').toLowerCase()] : undefined;
    const text = match?.[4]?.trim() ?? '';
    if (!match || !speaker || !text) return { ok: false, line: index + 1, text: raw };
    let startMs: number;
    let endMs: number;
    if (match[2] !== undefined && match[3] !== undefined) {
      startMs = Math.round(Number(match[2]) * 1000);
      endMs = Math.max(startMs, Math.round(Number(match[3]) * 1000));
    } else {
      startMs = turns.length === 0 ? 0 : clockMs + 800;
      endMs = startMs + Math.max(1000, Math.round((text.length / 4) * 1000));
    }
    turns.push({ speaker, startMs, endMs, text });
    clockMs = Math.max(clockMs, endMs);
  }
  return { ok: true, turns };
}

/** Back to text, for loading a stored call's transcript into the box. */
export function transcriptToText(
  turns: { speaker: QaSpeaker; startMs: number; endMs: number; text: string }[],
): string {
  const name: Record<QaSpeaker, string> = { agent: '坐席', customer: '客户', system: '系统' };
  const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
  return turns
    .map((turn) => `${name[turn.speaker]}[${seconds(turn.startMs)}-${seconds(turn.endMs)}]：${turn.text}`)
    .join('\n');
}
