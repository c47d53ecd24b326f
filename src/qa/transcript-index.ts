/** The compiled engine's per-transcript index: one automaton pass, everything else lazy. */
import type { CompiledScheme, LeafPlan } from './compile-scheme.js';
import type { EvalContext, Occurrence } from './evaluation-types.js';
import type { TextLeaf } from './rule-language.js';
import { wordBoundaries } from './segmentation.js';
import { type Sentiment, scoreSentiment } from './sentiment.js';
import { computeTiming, type TimingFeatures } from './timing.js';
import type { Transcript, TranscriptTurn } from './transcript.js';

const byPosition = (a: Occurrence, b: Occurrence) => a.turn - b.turn || a.start - b.start || a.end - b.end;

export interface TranscriptIndex extends EvalContext {
  /** May rule i hit? False when none of the patterns it cannot hit without occurred. */
  canHit(ruleIndex: number): boolean;
}

export function createTranscriptIndex(compiled: CompiledScheme, transcript: Transcript): TranscriptIndex {
  const turns = transcript.turns;
  // Turns joined by '\n' (validation forbids it in keywords), so no match spans two turns.
  const text = turns.map((t) => t.text).join('\n');
  const hits = new Map<number, Occurrence[]>();
  let turn = 0;
  let turnEnd = turns[0]?.text.length ?? 0;
  let turnStart = 0;
  compiled.matcher.scan(text, (id, start, end) => {
    while (end > turnEnd && turn < turns.length - 1) {
      turnStart = turnEnd + 1;
      turn++;
      turnEnd = turnStart + (turns[turn] as TranscriptTurn).text.length;
    }
    const list = hits.get(id);
    const occurrence = { turn, start: start - turnStart, end: end - turnStart };
    if (list) list.push(occurrence);
    else hits.set(id, [occurrence]);
  });

  const candidates = new Uint8Array(compiled.rules.length);
  for (const id of hits.keys()) for (const rule of compiled.rulesByPattern[id] ?? []) candidates[rule] = 1;

  const boundaries: (Set<number> | undefined)[] = [];
  const boundariesOf = (i: number) => {
    boundaries[i] ??= wordBoundaries((turns[i] as TranscriptTurn).text);
    return boundaries[i];
  };
  const resolved: (readonly Occurrence[] | undefined)[] = [];

  const resolve = (plan: LeafPlan): Occurrence[] => {
    if (plan.regex === null) {
      let found: Occurrence[] = [];
      let sources = 0;
      for (const id of plan.patternIds) {
        const list = hits.get(id);
        if (list === undefined) continue;
        found = sources === 0 ? list : found.concat(list);
        sources++;
      }
      if (sources > 1) found.sort(byPosition);
      if (plan.wholeWord)
        found = found.filter((o) => boundariesOf(o.turn).has(o.start) && boundariesOf(o.turn).has(o.end));
      return found;
    }
    let gated: Set<number> | null = null;
    if (plan.triggerIds !== null) {
      gated = new Set();
      for (const id of plan.triggerIds) for (const o of hits.get(id) ?? []) gated.add(o.turn);
    }
    const found: Occurrence[] = [];
    turns.forEach((t, i) => {
      if (gated !== null && !gated.has(i)) return;
      for (const m of t.text.matchAll(plan.regex as RegExp)) {
        if (m[0].length > 0) found.push({ turn: i, start: m.index, end: m.index + m[0].length });
      }
    });
    return found;
  };

  let timing: TimingFeatures | undefined;
  const sentiments: (Sentiment | undefined)[] = [];
  return {
    turns,
    canHit: (i) => compiled.ruleTriggers[i] === null || candidates[i] === 1,
    occurrences(leaf: TextLeaf) {
      const index = compiled.planOf.get(leaf);
      if (index === undefined) return [];
      resolved[index] ??= resolve(compiled.plans[index] as LeafPlan);
      return resolved[index];
    },
    timing() {
      timing ??= computeTiming(turns);
      return timing;
    },
    sentiment(i: number) {
      sentiments[i] ??= scoreSentiment(turns[i]?.text ?? '', turns[i]?.speaker);
      return sentiments[i];
    },
  };
}
