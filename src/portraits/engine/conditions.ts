import type { Comparison, Condition, FeatureValues, LeafCondition } from './types.js';

/**
 * The outcome of a condition with every leaf's actual value, so "why" and "why not" come
 * from the same code that decided (json-rules-engine's model).
 */
export type ConditionOutcome =
  | {
      kind: 'leaf';
      feature: string;
      op: Comparison;
      value: number;
      actual: number | null;
      passed: boolean;
      gap: number | null;
    }
  | { kind: 'all' | 'any'; passed: boolean; children: ConditionOutcome[] }
  | { kind: 'not'; passed: boolean; child: ConditionOutcome };

export function evaluateCondition(condition: Condition, features: FeatureValues): ConditionOutcome {
  if ('all' in condition) {
    const children = condition.all.map((c) => evaluateCondition(c, features));
    return { kind: 'all', passed: children.every((c) => c.passed), children };
  }
  if ('any' in condition) {
    const children = condition.any.map((c) => evaluateCondition(c, features));
    return { kind: 'any', passed: children.some((c) => c.passed), children };
  }
  if ('not' in condition) {
    const child = evaluateCondition(condition.not, features);
    return { kind: 'not', passed: !child.passed, child };
  }
  return evaluateLeaf(condition, features[condition.feature] ?? null);
}

function evaluateLeaf(leaf: LeafCondition, actual: number | null): ConditionOutcome {
  const passed = actual !== null && compare(actual, leaf.op, leaf.value);
  return {
    kind: 'leaf',
    feature: leaf.feature,
    op: leaf.op,
    value: leaf.value,
    actual,
    passed,
    gap: passed || actual === null ? null : leaf.value - actual,
  };
}

export function compare(actual: number, op: Comparison, value: number): boolean {
  switch (op) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

/** Fast path for the batch: the verdict only. */
export function holds(condition: Condition, features: FeatureValues): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, features));
  if ('any' in condition) return condition.any.some((c) => holds(c, features));
  if ('not' in condition) return !holds(condition.not, features);
  const actual = features[condition.feature] ?? null;
  return actual !== null && compare(actual, condition.op, condition.value);
}

/** Every feature a condition reads. */
export function conditionFeatures(condition: Condition, into = new Set<string>()): Set<string> {
  if ('all' in condition) for (const c of condition.all) conditionFeatures(c, into);
  else if ('any' in condition) for (const c of condition.any) conditionFeatures(c, into);
  else if ('not' in condition) conditionFeatures(condition.not, into);
  else into.add(condition.feature);
  return into;
}
