/**
 * The naive evaluator, kept for comparison (tests and bench): every text expression of every
 * rule scans every turn with its own regex, nothing shared between rules. Same condition
 * logic and scoring as the compiled engine, so verdicts must agree.
 */

import type { EvalContext, Occurrence } from './evaluation-types.js';
import { evaluateRules, type InspectionResult, scoreHits } from './inspect.js';
import type { QaRule, QaScheme, TextLeaf } from './rule-language.js';
import { wordBoundaries } from './segmentation.js';
import { scoreSentiment } from './sentiment.js';
import { computeTiming } from './timing.js';
import type { Transcript } from './transcript.js';
import { validateScheme } from './validate-scheme.js';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface NaiveScheme {
  scheme: QaScheme;
  rules: QaRule[];
  regexOf: Map<TextLeaf, RegExp>;
}

export function prepareNaive(input: unknown): NaiveScheme {
  const scheme = validateScheme(input);
  const synonyms = new Map<string, string[]>();
  for (const group of scheme.synonyms ?? [])
    for (const w of group) synonyms.set(w, [...(synonyms.get(w) ?? []), ...group]);
  const regexOf = new Map<TextLeaf, RegExp>();
  const collect = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const leaf = value as TextLeaf;
    if (leaf.op === 'keyword') {
      const words = [...new Set(leaf.words.flatMap((w) => synonyms.get(w) ?? [w]))].sort((a, b) => b.length - a.length);
      regexOf.set(leaf, new RegExp(words.map(escapeRegex).join('|'), 'g'));
    } else if (leaf.op === 'regex') {
      regexOf.set(leaf, new RegExp(leaf.pattern, `${leaf.flags ?? ''}g`));
    }
    for (const child of Object.values(value)) collect(child);
  };
  const rules = scheme.rules.filter((r) => r.enabled !== false);
  for (const rule of rules) collect(rule.when);
  return { scheme, rules, regexOf };
}

export function inspectNaive(naive: NaiveScheme, transcript: Transcript): InspectionResult {
  const turns = transcript.turns;
  const ctx: EvalContext = {
    turns,
    occurrences(leaf) {
      const regex = naive.regexOf.get(leaf);
      if (!regex) return [];
      const found: Occurrence[] = [];
      turns.forEach((t, i) => {
        for (const m of t.text.matchAll(regex)) {
          if (m[0].length === 0) continue;
          const o = { turn: i, start: m.index, end: m.index + m[0].length };
          if (leaf.op === 'keyword' && leaf.wholeWord) {
            const b = wordBoundaries(t.text);
            if (!b.has(o.start) || !b.has(o.end)) continue;
          }
          found.push(o);
        }
      });
      return found;
    },
    timing: () => computeTiming(turns),
    sentiment: (i) => scoreSentiment(turns[i]?.text ?? '', turns[i]?.speaker),
  };
  const { hits, passed } = evaluateRules(naive.rules, ctx, undefined, transcript.channel);
  return scoreHits(naive.scheme, hits, passed);
}
