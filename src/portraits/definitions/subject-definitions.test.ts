import { describe, expect, it } from 'vitest';
import { FeatureComputer } from '../engine/compute-features.js';
import { conditionFeatures } from '../engine/conditions.js';
import { notIncremental } from '../engine/feature-state.js';
import type { SubjectKind } from '../engine/types.js';
import { AREA_RISK_DIMENSIONS, AREA_RISK_RULES } from './area-scores.js';
import { AREA_KINDS, AREA_TRACE_TYPES } from './area-sources.js';
import { ASPECT_SCORES } from './employee-scores.js';
import { catalogFor, sourcesFor } from './index.js';

const ASPECTS = ['personal', 'business', 'service', 'complaint', 'realtime'] as const;
const KINDS: SubjectKind[] = ['employee', ...AREA_KINDS];

describe('employee statistic points (E1)', () => {
  const features = catalogFor('employee').features;

  it('ships at least 70, every one in one of the five aspects of seed 000', () => {
    expect(features.length).toBeGreaterThanOrEqual(70);
    expect(features.filter((f) => !ASPECTS.includes(f.aspect as (typeof ASPECTS)[number]))).toEqual([]);
    for (const aspect of ASPECTS) {
      expect(features.filter((f) => f.aspect === aspect).length, aspect).toBeGreaterThanOrEqual(8);
    }
  });

  it('has a radar score per aspect and a star rating of 1–5', () => {
    const catalog = catalogFor('employee');
    for (const aspect of ASPECTS) expect(catalog.scores.map((s) => s.code)).toContain(ASPECT_SCORES[aspect]);
    const stars = catalog.grades.find((g) => g.code === 'star_rating');
    expect(stars?.bands.map((b) => b.grade).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(Math.min(...(stars?.bands.map((b) => b.min) ?? []))).toBe(0);
  });
});

describe('area service risk (E5)', () => {
  it('has rows adding up to 100, so the score reads as a share of the worst case', () => {
    const total = AREA_RISK_DIMENSIONS.flatMap((d) => AREA_RISK_RULES[d]).reduce((s, r) => s + r.points, 0);
    expect(total).toBe(100);
  });

  it.each(AREA_KINDS)('scales each %s dimension score to a maximum of 100', (kind) => {
    for (const d of AREA_RISK_DIMENSIONS) {
      const score = catalogFor(kind).scores.find((s) => s.code === `risk_${d}`);
      expect(score?.kind).toBe('points');
      if (score?.kind !== 'points') continue;
      expect(score.rules.reduce((s, r) => s + r.points, 0)).toBeCloseTo(100, 0);
    }
  });
});

describe('area trace features', () => {
  it('read only trace types the area trace source keeps', () => {
    const used = catalogFor('transformer_area')
      .features.filter((f) => f.source === 'trace')
      .flatMap((f) => [...(f.where ?? '').matchAll(/atr\.trace_type = '(\w+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((type) => !AREA_TRACE_TYPES.includes(type as string))).toEqual([]);
  });
});

describe.each(KINDS)('%s definitions', (kind) => {
  const catalog = catalogFor(kind);
  const codes = new Set(catalog.features.map((f) => f.code));

  it('use only features of the same subject kind, each defined once', () => {
    expect(codes.size).toBe(catalog.features.length);
    const used = new Set<string>();
    for (const t of catalog.tags) conditionFeatures(t.when, used);
    for (const s of catalog.scores) if (s.kind === 'points') for (const r of s.rules) conditionFeatures(r.when, used);
    for (const f of catalog.features) if (f.ratioOf) used.add(f.ratioOf.numerator).add(f.ratioOf.denominator);
    expect([...used].filter((c) => !codes.has(c))).toEqual([]);
    const scoreCodes = new Set(catalog.scores.map((s) => s.code));
    expect(catalog.grades.filter((g) => !scoreCodes.has(g.score))).toEqual([]);
  });

  it('compile into one statement per source', () => {
    const computer = new FeatureComputer(catalog.features, sourcesFor(kind));
    const sources = new Set(catalog.features.filter((f) => f.source !== 'derived').map((f) => f.source));
    expect(computer.statements).toHaveLength(sources.size);
  });
});

describe('the customers’ trace features', () => {
  it('are kept incrementally: every one has a running state (a slope or a last value would not)', () => {
    const catalog = catalogFor('customer');
    const trace = sourcesFor('customer').find((s) => s.code === 'trace');
    if (!trace) throw new Error('no trace source');
    const features = catalog.features.filter((f) => f.source === 'trace');
    expect(notIncremental(trace, features)).toBeNull();
    const computer = new FeatureComputer(catalog.features, sourcesFor('customer'));
    expect(computer.statements.find((c) => c.source.code === 'trace')?.stateColumns).toHaveLength(features.length);
  });
});
