import type { Language } from '../../traces/attribute-labels.js';
import type { ConsumptionDefinition, LevelBandDef } from './definition.js';
import { type Check, checks, type Figures, holds, type Names } from './rules.js';

/**
 * The definition applied in TypeScript: the same verdicts the compiled SQL writes, plus, for
 * each pattern and advice, the figures and thresholds it was decided on (C8: every tag says
 * why).
 */

export function levelBandOf(
  definition: ConsumptionDefinition,
  levelVsPeers: number | null,
): LevelBandDef['code'] | null {
  if (levelVsPeers === null) return null;
  for (const band of definition.levelBands) if (band.below === undefined || levelVsPeers < band.below) return band.code;
  return null;
}

export function derivePatterns(definition: ConsumptionDefinition, figures: Figures): string[] {
  return definition.patterns.filter((p) => holds(p.when, figures, [])).map((p) => p.code);
}

export function deriveAdvice(
  definition: ConsumptionDefinition,
  figures: Figures,
  patterns: readonly string[],
): string[] {
  return definition.advice.filter((a) => holds(a.when, figures, patterns)).map((a) => a.code);
}

export interface ExplainedCheck extends Check {
  /** The figure's (or pattern's) name in the asked language. */
  label: string;
}

export interface ExplainedRule {
  code: string;
  name: string;
  /** The pattern's meaning, or the advice's wording for staff. */
  text: string;
  holds: boolean;
  /** Patterns only: how the UI colours the tag. */
  tone?: 'warning' | 'info' | 'positive';
  checks: ExplainedCheck[];
}

const pick = (names: Names, lang: Language) => (lang === 'en' ? names.en : names.zh);

function explainChecks(definition: ConsumptionDefinition, list: Check[], lang: Language): ExplainedCheck[] {
  return list.map((c) => {
    const pattern = c.pattern === undefined ? undefined : definition.patterns.find((p) => p.code === c.pattern);
    const names = c.figure !== undefined ? definition.figures[c.figure].name : pattern?.name;
    return { ...c, label: names ? pick(names, lang) : (c.pattern ?? '') };
  });
}

/** Every pattern and advice with its verdict and checks; the stored codes are the ones that hold. */
export function explainProfile(
  definition: ConsumptionDefinition,
  figures: Figures,
  storedPatterns: readonly string[],
  lang: Language,
) {
  const patterns: ExplainedRule[] = definition.patterns.map((p) => ({
    code: p.code,
    name: pick(p.name, lang),
    text: pick(p.description, lang),
    holds: storedPatterns.includes(p.code),
    tone: p.tone,
    checks: explainChecks(definition, checks(p.when, figures, storedPatterns), lang),
  }));
  const advice: ExplainedRule[] = [...definition.advice]
    .sort((a, b) => a.priority - b.priority)
    .map((a) => ({
      code: a.code,
      name: pick(a.name, lang),
      text: pick(a.wording, lang),
      holds: holds(a.when, figures, storedPatterns),
      checks: explainChecks(definition, checks(a.when, figures, storedPatterns), lang),
    }));
  const band = definition.levelBands.find((b) => b.code === figures.level_band);
  return { patterns, advice, levelBandName: band ? pick(band.name, lang) : null };
}
