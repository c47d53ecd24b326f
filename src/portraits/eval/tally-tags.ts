import { holds } from '../engine/conditions.js';
import type { FeatureValues } from '../engine/types.js';
import { TRAIT_TAGS, type TraitTag } from './trait-tags.js';

export interface TagScore {
  tag: string;
  trait: string;
  /** Subjects with the trait. */
  planted: number;
  /** Trait holders whose traces could show it (see TraitTag.opportunity). */
  observable: number;
  /** Subjects with the tag. */
  tagged: number;
  truePositives: number;
  observableTruePositives: number;
  precision: number | null;
  recall: number | null;
  observableRecall: number | null;
}

/** A customer or an area: what was planted in it and what its portrait says. */
export interface TaggedSubject {
  traits: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  features: FeatureValues;
}

export interface TaggedCustomer extends TaggedSubject {
  customerNo: string;
}

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

/** Per trait-backed tag: precision and recall of the tag against the planted trait. Pure. */
export function tallyTags(subjects: Iterable<TaggedSubject>, pairs: readonly TraitTag[] = TRAIT_TAGS): TagScore[] {
  const scores = pairs.map((p) => ({
    ...p,
    planted: 0,
    observable: 0,
    tagged: 0,
    truePositives: 0,
    observableTruePositives: 0,
  }));
  for (const c of subjects) {
    for (const s of scores) {
      const has = c.traits.has(s.trait);
      const tagged = c.tags.has(s.tag);
      const observable = has && (s.opportunity === null || holds(s.opportunity, c.features));
      if (has) s.planted++;
      if (observable) s.observable++;
      if (tagged) s.tagged++;
      if (has && tagged) s.truePositives++;
      if (observable && tagged) s.observableTruePositives++;
    }
  }
  return scores.map(({ opportunity: _opportunity, ...s }) => ({
    ...s,
    precision: ratio(s.truePositives, s.tagged),
    recall: ratio(s.truePositives, s.planted),
    observableRecall: ratio(s.observableTruePositives, s.observable),
  }));
}

const fixed = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/** A Markdown table, as docs/portraits-quality.md and the closing note show it. */
export function formatTagScores(scores: readonly TagScore[], goal = { precision: 0.9, recall: 0.8 }): string {
  const lines = [
    '| tag | trait | planted | observable | tagged | precision | recall | recall (observable) | goal met |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const s of scores) {
    const met = s.precision !== null && s.recall !== null && s.precision >= goal.precision && s.recall >= goal.recall;
    const metObservable =
      !met &&
      s.precision !== null &&
      s.observableRecall !== null &&
      s.precision >= goal.precision &&
      s.observableRecall >= goal.recall;
    lines.push(
      `| ${s.tag} | ${s.trait} | ${s.planted} | ${s.observable} | ${s.tagged} | ${fixed(s.precision)} | ${fixed(s.recall)} | ${fixed(s.observableRecall)} | ${met ? 'yes' : metObservable ? 'observable only' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
