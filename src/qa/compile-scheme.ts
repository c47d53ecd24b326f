/**
 * Compiles a scheme so one pass over a transcript evaluates every rule: all keywords of all
 * rules, their synonyms and the prefilter literals of all regexes go into ONE Aho–Corasick
 * automaton; identical text expressions share one plan; segmentation, timing and sentiment
 * are computed at most once per transcript, and only if some rule needs them.
 */
import { AhoCorasick } from './aho-corasick.js';
import type { Condition, QaRule, QaScheme, TextLeaf } from './rule-language.js';
import { requiredLiterals } from './regex-prefilter.js';
import { validateScheme } from './validate-scheme.js';

export interface LeafPlan {
  leaf: TextLeaf;
  /** Automaton patterns whose hits are this leaf's occurrences (keyword leaves). */
  patternIds: number[];
  /** Regex leaves: the regex, and the literals gating it (null: run on every turn). */
  regex: RegExp | null;
  triggerIds: number[] | null;
  wholeWord: boolean;
}

export interface CompiledScheme {
  scheme: QaScheme;
  rules: QaRule[];
  matcher: AhoCorasick;
  plans: LeafPlan[];
  /** Leaf object → plan index; equal leaves in different rules share a plan. */
  planOf: Map<TextLeaf, number>;
  usesSentiment: boolean;
}

function visitLeaves(cond: Condition, onText: (leaf: TextLeaf) => void, onOp: (op: string) => void): void {
  if ('all' in cond) return cond.all.forEach((c) => visitLeaves(c, onText, onOp));
  if ('any' in cond) return cond.any.forEach((c) => visitLeaves(c, onText, onOp));
  if ('not' in cond) return visitLeaves(cond.not, onText, onOp);
  onOp(cond.op);
  switch (cond.op) {
    case 'keyword':
    case 'regex':
      return onText(cond);
    case 'absent':
      return onText(cond.expr);
    case 'order':
      onText(cond.first);
      return onText(cond.then);
    case 'near':
      onText(cond.a);
      return onText(cond.b);
    case 'silence':
      if (cond.holdNotice) onText(cond.holdNotice);
      return;
    case 'angryNotSoothed':
      return onText(cond.soothing);
    default:
      return;
  }
}

function synonymExpander(groups: readonly string[][] | undefined): (word: string) => string[] {
  const byWord = new Map<string, Set<string>>();
  for (const group of groups ?? []) {
    for (const w of group) {
      const set = byWord.get(w) ?? new Set<string>();
      for (const other of group) set.add(other);
      byWord.set(w, set);
    }
  }
  return (word) => [...(byWord.get(word) ?? [word])];
}

/** Validates (throws AppError QA_RULE_INVALID) and compiles a scheme. */
export function compileScheme(input: unknown): CompiledScheme {
  const scheme = validateScheme(input);
  const rules = scheme.rules.filter((r) => r.enabled !== false);
  const expand = synonymExpander(scheme.synonyms);
  const patterns: string[] = [];
  const patternIndex = new Map<string, number>();
  const patternId = (p: string): number => {
    let id = patternIndex.get(p);
    if (id === undefined) {
      id = patterns.length;
      patterns.push(p);
      patternIndex.set(p, id);
    }
    return id;
  };
  const plans: LeafPlan[] = [];
  const planByKey = new Map<string, number>();
  const planOf = new Map<TextLeaf, number>();
  let usesSentiment = false;

  const planLeaf = (leaf: TextLeaf) => {
    // Speaker, window and count are applied after matching, so they do not split a plan.
    const key = leaf.op === 'keyword' ? `k:${leaf.wholeWord ? 1 : 0}:${leaf.words.join('\u0000')}` : `r:${leaf.flags ?? ''}:${leaf.pattern}`;
    let index = planByKey.get(key);
    if (index === undefined) {
      index = plans.length;
      planByKey.set(key, index);
      if (leaf.op === 'keyword') {
        const ids = new Set(leaf.words.flatMap(expand).map(patternId));
        plans.push({ leaf, patternIds: [...ids], regex: null, triggerIds: null, wholeWord: leaf.wholeWord === true });
      } else {
        const literals = requiredLiterals(leaf.pattern, leaf.flags);
        const regex = new RegExp(leaf.pattern, `${leaf.flags ?? ''}g`);
        plans.push({ leaf, patternIds: [], regex, triggerIds: literals?.map(patternId) ?? null, wholeWord: false });
      }
    }
    planOf.set(leaf, index);
  };

  for (const rule of rules) {
    visitLeaves(rule.when, planLeaf, (op) => {
      if (op.startsWith('emotion') || op === 'angryNotSoothed') usesSentiment = true;
    });
  }
  return { scheme, rules, matcher: new AhoCorasick(patterns), plans, planOf, usesSentiment };
}
