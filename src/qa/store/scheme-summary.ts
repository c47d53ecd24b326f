/** Summaries of a stored scheme version for lists and the scheme editor. */
import type { QaRuleSummary, QaSchemeVersionDetail, QaSchemeVersionSummary } from '../../api/qa-contract.js';
import type { Condition, QaScheme } from '../rule-language.js';

/** The shape of a condition tree in words: `all(keyword, not(regex))`. */
export function conditionShape(condition: Condition): string {
  if ('all' in condition) return `all(${condition.all.map(conditionShape).join(', ')})`;
  if ('any' in condition) return `any(${condition.any.map(conditionShape).join(', ')})`;
  if ('not' in condition) return `not(${conditionShape(condition.not)})`;
  return condition.op;
}

export function ruleSummaries(scheme: QaScheme): QaRuleSummary[] {
  return scheme.rules.map((rule) => ({
    code: rule.id,
    name: rule.name,
    description: rule.description,
    category: rule.category,
    categoryName: scheme.categories[rule.category]?.name ?? rule.category,
    points: rule.points,
    veto: rule.veto === true,
    enabled: rule.enabled !== false,
    condition: conditionShape(rule.when),
    exampleCount: { hit: rule.examples?.hit.length ?? 0, miss: rule.examples?.miss.length ?? 0 },
  }));
}

export function versionDetail(summary: QaSchemeVersionSummary, scheme: QaScheme): QaSchemeVersionDetail {
  return {
    ...summary,
    definition: scheme,
    categories: Object.entries(scheme.categories).map(([code, c]) => ({
      code,
      name: c.name,
      maxDeduction: c.maxDeduction,
      maxBonus: c.maxBonus ?? null,
    })),
    rules: ruleSummaries(scheme),
  };
}
