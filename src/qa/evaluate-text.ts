/** Text operators: keyword, regex, absent, order, near; plus the speaker and window filters. */

import type { EvalContext, Evidence, Occurrence, Outcome } from './evaluation-types.js';
import type { Condition, LeafCondition, TextLeaf } from './rule-language.js';
import type { TranscriptTurn } from './transcript.js';

type Window = NonNullable<TextLeaf['window']>;
type Of<K extends LeafCondition['op']> = Extract<LeafCondition, { op: K }>;

/** Evidence lists stay short: the UI highlights a few spans, not every repetition. */
export const MAX_EVIDENCE = 5;

export function inWindow(turns: readonly TranscriptTurn[], index: number, window: Window | undefined): boolean {
  if (!window) return true;
  const turn = turns[index] as TranscriptTurn;
  const { first, last } = layout(turns);
  if (window.firstTurns !== undefined && index >= window.firstTurns) return false;
  if (window.lastTurns !== undefined && index < turns.length - window.lastTurns) return false;
  if (window.firstSeconds !== undefined && turn.start_ms - first >= window.firstSeconds * 1000) return false;
  if (window.lastSeconds !== undefined && turn.end_ms <= last - window.lastSeconds * 1000) return false;
  return true;
}

export function describeWindow(window: Window | undefined): string {
  if (!window) return '';
  const parts: string[] = [];
  if (window.firstTurns !== undefined) parts.push(`first ${window.firstTurns} turns`);
  if (window.lastTurns !== undefined) parts.push(`last ${window.lastTurns} turns`);
  if (window.firstSeconds !== undefined) parts.push(`first ${window.firstSeconds} s`);
  if (window.lastSeconds !== undefined) parts.push(`last ${window.lastSeconds} s`);
  return parts.join(', ');
}

const descriptions = new WeakMap<TextLeaf, string>();

export function describeLeaf(leaf: TextLeaf): string {
  let known = descriptions.get(leaf);
  if (known === undefined) {
    known = renderLeaf(leaf);
    descriptions.set(leaf, known);
  }
  return known;
}

function renderLeaf(leaf: TextLeaf): string {
  const body =
    leaf.op === 'keyword' ? `keyword(${leaf.words.join('|')})` : `regex(/${leaf.pattern}/${leaf.flags ?? ''})`;
  const scope = [leaf.speaker && leaf.speaker !== 'any' ? leaf.speaker : '', describeWindow(leaf.window)]
    .filter(Boolean)
    .join(', ');
  const count = leaf.minCount !== undefined ? ` ×≥${leaf.minCount}` : '';
  return `${body}${count}${scope ? ` [${scope}]` : ''}`;
}

export function filteredOccurrences(ctx: EvalContext, leaf: TextLeaf): Occurrence[] {
  const speaker = leaf.speaker ?? 'any';
  return ctx
    .occurrences(leaf)
    .filter(
      (o) => (speaker === 'any' || ctx.turns[o.turn]?.speaker === speaker) && inWindow(ctx.turns, o.turn, leaf.window),
    );
}

export function occurrenceEvidence(ctx: EvalContext, o: Occurrence, operator: string, expression: string): Evidence {
  const turn = ctx.turns[o.turn] as TranscriptTurn;
  return {
    operator,
    expression,
    turnIndex: o.turn,
    charStart: o.start,
    charEnd: o.end,
    speaker: turn.speaker,
    matched: turn.text.slice(o.start, o.end),
  };
}

export function evaluateTextLeaf(ctx: EvalContext, leaf: TextLeaf): Outcome {
  const found = filteredOccurrences(ctx, leaf);
  const needed = leaf.minCount ?? 1;
  if (found.length < needed) return { hit: false, evidence: [] };
  const expression = describeLeaf(leaf);
  const evidence = found.slice(0, MAX_EVIDENCE).map((o) => occurrenceEvidence(ctx, o, leaf.op, expression));
  if (leaf.minCount !== undefined && evidence[0]) evidence[0].actual = `${found.length} occurrences ≥ ${needed}`;
  return { hit: true, evidence };
}

export function absenceEvidence(operator: string, inner: Condition): Evidence {
  const expression =
    'op' in inner && (inner.op === 'keyword' || inner.op === 'regex') ? describeLeaf(inner) : 'condition';
  return {
    operator,
    expression,
    turnIndex: null,
    charStart: null,
    charEnd: null,
    speaker: null,
    actual: 'not found',
  };
}

export function evaluateAbsent(ctx: EvalContext, cond: Of<'absent'>): Outcome {
  const inner = evaluateTextLeaf(ctx, cond.expr);
  return inner.hit ? { hit: false, evidence: [] } : { hit: true, evidence: [absenceEvidence('absent', cond.expr)] };
}

/** Order ("A before B") and proximity ("A within N turns/chars of B"). */
export function evaluatePair(ctx: EvalContext, cond: Of<'order'> | Of<'near'>): Outcome {
  const [a, b] = cond.op === 'order' ? [cond.first, cond.second] : [cond.a, cond.b];
  const listA = filteredOccurrences(ctx, a);
  const listB = filteredOccurrences(ctx, b);
  const { offsets } = layout(ctx.turns);
  const global = (o: Occurrence, edge: 'start' | 'end') => (offsets[o.turn] as number) + o[edge];
  if (listA.length === 0 || listB.length === 0) return { hit: false, evidence: [] };
  const expression = `${describeLeaf(a)} ${cond.op === 'order' ? 'before' : 'near'} ${describeLeaf(b)}`;
  for (const x of listA) {
    for (const y of listB) {
      const forward = global(x, 'end') <= global(y, 'start');
      if (cond.op === 'order' && !forward) continue;
      const [p, q] = forward ? [x, y] : [y, x];
      const chars = global(q, 'start') - global(p, 'end');
      if (chars < 0) continue; // overlapping spans are neither before nor near
      const turnsApart = q.turn - p.turn;
      if (cond.maxTurns !== undefined && turnsApart > cond.maxTurns) continue;
      if (cond.maxChars !== undefined && chars > cond.maxChars) continue;
      const first = occurrenceEvidence(ctx, x, cond.op, expression);
      first.actual = `${turnsApart} turns, ${chars} chars apart`;
      return { hit: true, evidence: [first, occurrenceEvidence(ctx, y, cond.op, expression)] };
    }
  }
  return { hit: false, evidence: [] };
}

interface Layout {
  first: number;
  last: number;
  /** Offsets of each turn in the transcript text joined with one separator per turn. */
  offsets: number[];
}
const layouts = new WeakMap<readonly TranscriptTurn[], Layout>();

function layout(turns: readonly TranscriptTurn[]): Layout {
  const known = layouts.get(turns);
  if (known) return known;
  const offsets: number[] = [];
  let at = 0;
  let last = 0;
  for (const t of turns) {
    offsets.push(at);
    at += t.text.length + 1;
    last = Math.max(last, t.end_ms);
  }
  // Seconds count from when the call reaches the people: the recorded prompt ("欢迎致电…您的
  // 通话可能会被录音") plays before the agent can speak, so "answers within 5 s" starts after it.
  const prompt = turns.findIndex((t) => t.speaker !== 'system');
  const connected = prompt > 0 ? Math.max(...turns.slice(0, prompt).map((t) => t.end_ms)) : turns[0]?.start_ms;
  const computed = { first: connected ?? 0, last, offsets };
  layouts.set(turns, computed);
  return computed;
}
