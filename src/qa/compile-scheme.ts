/**
 * Compiles a scheme so one pass over a transcript evaluates every rule: all keywords of all
 * rules, their synonyms and the prefilter literals of all regexes go into ONE Aho–Corasick
 * automaton; identical text expressions share one plan; segmentation, timing and sentiment
 * are computed at most once per transcript, and only if some rule needs them.
 */
import { AhoCorasick } from './aho-corasick.js';
import { requiredLiterals } from './regex-prefilter.js';
import type { Condition, LeafCondition, QaRule, QaScheme, TextLeaf } from './rule-language.js';
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
  /**
   * Per rule, automaton patterns of which at least one must occur for the rule to be able
   * to hit (null: always evaluate, e.g. absence or timing rules). Most rules of a large
   * scheme never see their words in a given call and are passed without evaluation.
   */
  ruleTriggers: (number[] | null)[];
  /** The inverse: pattern id → indexes of the rules it triggers. */
  rulesByPattern: number[][];
  usesSentiment: boolean;
}

/** The text leaves a condition reads, and the operators it uses. */
function visitLeaves(cond: Condition, onText: (leaf: TextLeaf) => void, onOp: (op: string) => void): void {
  if ('all' in cond || 'any' in cond) {
    for (const child of 'all' in cond ? cond.all : cond.any) visitLeaves(child, onText, onOp);
    return;
  }
  if ('not' in cond) {
    visitLeaves(cond.not, onText, onOp);
    return;
  }
  onOp(cond.op);
  for (const leaf of textLeavesOf(cond)) onText(leaf);
}

function textLeavesOf(cond: LeafCondition): TextLeaf[] {
  switch (cond.op) {
    case 'keyword':
    case 'regex':
      return [cond];
    case 'absent':
      return [cond.expr];
    case 'order':
      return [cond.first, cond.second];
    case 'near':
      return [cond.a, cond.b];
    case 'silence':
      return cond.holdNotice ? [cond.holdNotice] : [];
    case 'angryNotSoothed':
      return [cond.soothing];
    default:
      return [];
  }
}

/** Patterns a condition cannot hold without (one of them must occur), or null if none. */
function requiredPatterns(cond: Condition, triggersOf: (leaf: TextLeaf) => number[] | null): number[] | null {
  if ('all' in cond) {
    for (const child of cond.all) {
      const required = requiredPatterns(child, triggersOf);
      if (required) return required;
    }
    return null;
  }
  if ('any' in cond) {
    const union: number[] = [];
    for (const child of cond.any) {
      const required = requiredPatterns(child, triggersOf);
      if (!required) return null;
      union.push(...required);
    }
    return union;
  }
  if ('not' in cond) return null;
  switch (cond.op) {
    case 'keyword':
    case 'regex':
      return triggersOf(cond);
    case 'order':
      return triggersOf(cond.first) ?? triggersOf(cond.second);
    case 'near':
      return triggersOf(cond.a) ?? triggersOf(cond.b);
    default:
      return null;
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
    const key =
      leaf.op === 'keyword'
        ? `k:${leaf.wholeWord ? 1 : 0}:${leaf.words.join('\u0000')}`
        : `r:${leaf.flags ?? ''}:${leaf.pattern}`;
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
  const triggersOf = (leaf: TextLeaf): number[] | null => {
    const plan = plans[planOf.get(leaf) as number] as LeafPlan;
    return plan.regex === null ? plan.patternIds : plan.triggerIds;
  };
  const ruleTriggers = rules.map((rule) => requiredPatterns(rule.when, triggersOf));
  const rulesByPattern: number[][] = patterns.map(() => []);
  ruleTriggers.forEach((ids, rule) => {
    for (const id of new Set(ids ?? [])) rulesByPattern[id]?.push(rule);
  });
  return {
    scheme,
    rules,
    matcher: new AhoCorasick(patterns),
    plans,
    planOf,
    ruleTriggers,
    rulesByPattern,
    usesSentiment,
  };
}
