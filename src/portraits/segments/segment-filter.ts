import { AppError } from '../../errors.js';
import type { DefinitionCatalog } from '../engine/types.js';

/**
 * A customer segment (客群): which current customer portraits to select. Every list is
 * "any of" its values except the tag lists, which say how to combine themselves; lists and
 * fields combine with AND. An empty filter selects every customer in the caller's scope.
 */
export interface SegmentFilter {
  /** The customer holds every one of these tags. */
  allTags: string[];
  /** …at least one of these. */
  anyTags: string[];
  /** …none of these. */
  noneTags: string[];
  creditGrades: string[];
  feeRiskClasses: number[];
  scores: ScoreRange[];
  customerTypes: Array<'residential' | 'non_residential'>;
  /** GB/T 4754 industry code prefix ('C' manufacturing, 'C26' chemicals). */
  industry?: string;
  important?: boolean;
  special?: boolean;
  /** Customers of this org unit and every unit below it. */
  orgUnit?: string;
  substations: string[];
  feeders: string[];
  transformerAreas: string[];
}

/** A score (any score of the customer definitions) between min and max, both inclusive. */
export interface ScoreRange {
  score: string;
  min?: number;
  max?: number;
}

/** The query string as the API receives it: repeated keys arrive as arrays. */
export interface SegmentQueryInput {
  tag?: string[] | undefined;
  anyTag?: string[] | undefined;
  notTag?: string[] | undefined;
  creditGrade?: string[] | undefined;
  feeRiskClass?: string[] | undefined;
  score?: string[] | undefined;
  customerType?: string[] | undefined;
  industry?: string | undefined;
  important?: boolean | undefined;
  special?: boolean | undefined;
  orgUnit?: string | undefined;
  substation?: string[] | undefined;
  feeder?: string[] | undefined;
  transformerArea?: string[] | undefined;
}

const CUSTOMER_TYPES = ['residential', 'non_residential'] as const;
// Topology ids come from source systems; anything outside this set is not an id there.
const TOPOLOGY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const INDUSTRY = /^[A-Z][0-9]{0,4}$/;

function invalid(field: string, value: unknown, message: string, allowed?: readonly string[]): AppError {
  return new AppError('SEGMENT_FILTER_INVALID', message, 400, {
    field,
    value,
    ...(allowed ? { allowed } : {}),
  });
}

function checkAll(field: string, values: readonly string[], allowed: readonly string[], what: string): string[] {
  for (const value of values) {
    if (!allowed.includes(value)) {
      throw invalid(
        field,
        value,
        `Unknown ${what} "${value}" in ${field}; see GET /api/v1/portraits/definitions for the codes`,
        allowed,
      );
    }
  }
  return [...new Set(values)];
}

function parseScoreRange(text: string, scoreCodes: readonly string[]): ScoreRange {
  // code:min:max, either bound may be empty: "credit:60:89", "fee_risk:50:", "activity::30".
  const parts = text.split(':');
  const [score = '', minText = '', maxText = ''] = parts;
  if (parts.length !== 3) {
    throw invalid('score', text, `score must read <code>:<min>:<max> (either bound may be empty), got "${text}"`);
  }
  checkAll('score', [score], scoreCodes, 'score');
  const bound = (t: string, name: string) => {
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) throw invalid('score', text, `The ${name} of score ${score} is not a number: "${t}"`);
    return n;
  };
  const min = bound(minText, 'minimum');
  const max = bound(maxText, 'maximum');
  if (min === undefined && max === undefined)
    throw invalid('score', text, `score ${score} needs a minimum or a maximum`);
  if (min !== undefined && max !== undefined && min > max) {
    throw invalid('score', text, `The minimum of score ${score} (${min}) is above its maximum (${max})`);
  }
  return { score, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function topologyIds(field: string, values: readonly string[] | undefined): string[] {
  for (const value of values ?? []) {
    if (!TOPOLOGY_ID.test(value)) throw invalid(field, value, `"${value}" is not a ${field} id`);
  }
  return [...new Set(values ?? [])];
}

/**
 * Checks every value against the definitions (tag codes, grades, classes, scores) and the
 * shapes of ids, so a filter either names things that exist or fails with the field at fault.
 */
export function parseSegmentFilter(input: SegmentQueryInput, catalog: DefinitionCatalog): SegmentFilter {
  const tagCodes = catalog.tags.filter((t) => t.subject === 'customer').map((t) => t.code);
  const scoreCodes = catalog.scores.filter((s) => s.subject === 'customer').map((s) => s.code);
  const bandsOf = (code: string) =>
    catalog.grades.find((g) => g.subject === 'customer' && g.code === code)?.bands.map((b) => b.grade) ?? [];

  const filter: SegmentFilter = {
    allTags: checkAll('tag', input.tag ?? [], tagCodes, 'tag'),
    anyTags: checkAll('anyTag', input.anyTag ?? [], tagCodes, 'tag'),
    noneTags: checkAll('notTag', input.notTag ?? [], tagCodes, 'tag'),
    creditGrades: checkAll('creditGrade', input.creditGrade ?? [], bandsOf('credit_grade'), 'credit grade'),
    feeRiskClasses: checkAll('feeRiskClass', input.feeRiskClass ?? [], bandsOf('fee_risk_class'), 'fee risk class').map(
      Number,
    ),
    scores: (input.score ?? []).map((s) => parseScoreRange(s, scoreCodes)),
    customerTypes: checkAll('customerType', input.customerType ?? [], CUSTOMER_TYPES, 'customer type') as Array<
      (typeof CUSTOMER_TYPES)[number]
    >,
    substations: topologyIds('substation', input.substation),
    feeders: topologyIds('feeder', input.feeder),
    transformerAreas: topologyIds('transformerArea', input.transformerArea),
  };
  if (input.industry !== undefined && input.industry !== '') {
    if (!INDUSTRY.test(input.industry)) {
      throw invalid(
        'industry',
        input.industry,
        `industry must be an industry code prefix like C or C26, got "${input.industry}"`,
      );
    }
    filter.industry = input.industry;
  }
  if (input.important !== undefined) filter.important = input.important;
  if (input.special !== undefined) filter.special = input.special;
  if (input.orgUnit !== undefined && input.orgUnit !== '') {
    if (!TOPOLOGY_ID.test(input.orgUnit))
      throw invalid('orgUnit', input.orgUnit, `"${input.orgUnit}" is not an org unit id`);
    filter.orgUnit = input.orgUnit;
  }
  const both = filter.allTags.filter((t) => filter.noneTags.includes(t));
  if (both.length > 0) {
    throw invalid('notTag', both, `Tag ${both.join(', ')} is both required and excluded; the segment would be empty`);
  }
  return filter;
}

/** The filter without its empty parts: what an audit record and a saved link need. */
export function describeFilter(filter: SegmentFilter): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}
