/**
 * The segment filter as form values and as the query string (the page URL and the API share
 * it: tag=a&tag=b&creditGrade=A&score=credit:60:89…). Kept as plain functions so the form,
 * the charts (click a bar to add a filter) and the export link all speak the same keys.
 */

export type TriState = 'any' | 'true' | 'false';

export interface ScoreBounds {
  code: string;
  min: number;
  max: number;
}

export interface SegmentFormValues {
  tag: string[];
  anyTag: string[];
  notTag: string[];
  creditGrade: string[];
  feeRiskClass: string[];
  /** Per score code: the slider's [low, high]; the full range means no filter. */
  scores: Record<string, [number, number]>;
  customerType: string[];
  industry: string;
  important: TriState;
  special: TriState;
  orgUnit: string | undefined;
  transformerArea: string[];
}

const LIST_KEYS = [
  'tag',
  'anyTag',
  'notTag',
  'creditGrade',
  'feeRiskClass',
  'customerType',
  'transformerArea',
] as const;

function triState(value: string | null): TriState {
  return value === 'true' || value === 'false' ? value : 'any';
}

export function valuesFromParams(params: URLSearchParams, scores: readonly ScoreBounds[]): SegmentFormValues {
  const ranges = new Map(
    params.getAll('score').map((text) => {
      const [code = '', min = '', max = ''] = text.split(':');
      return [code, { min, max }] as const;
    }),
  );
  return {
    tag: params.getAll('tag'),
    anyTag: params.getAll('anyTag'),
    notTag: params.getAll('notTag'),
    creditGrade: params.getAll('creditGrade'),
    feeRiskClass: params.getAll('feeRiskClass'),
    scores: Object.fromEntries(
      scores.map((s) => {
        const range = ranges.get(s.code);
        const low = range?.min ? Number(range.min) : s.min;
        const high = range?.max ? Number(range.max) : s.max;
        return [s.code, [Number.isFinite(low) ? low : s.min, Number.isFinite(high) ? high : s.max]];
      }),
    ),
    customerType: params.getAll('customerType'),
    industry: params.get('industry') ?? '',
    important: triState(params.get('important')),
    special: triState(params.get('special')),
    orgUnit: params.get('orgUnit') ?? undefined,
    transformerArea: params.getAll('transformerArea'),
  };
}

export function paramsFromValues(values: SegmentFormValues, scores: readonly ScoreBounds[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) for (const value of values[key] ?? []) params.append(key, value);
  for (const s of scores) {
    const [low, high] = values.scores?.[s.code] ?? [s.min, s.max];
    if (low <= s.min && high >= s.max) continue;
    params.append('score', `${s.code}:${low > s.min ? low : ''}:${high < s.max ? high : ''}`);
  }
  if (values.industry?.trim()) params.set('industry', values.industry.trim().toUpperCase());
  if (values.important && values.important !== 'any') params.set('important', values.important);
  if (values.special && values.special !== 'any') params.set('special', values.special);
  if (values.orgUnit) params.set('orgUnit', values.orgUnit);
  return params;
}

/** The params narrowed to one value of a key (a click on a chart bar drills down), back on page 1. */
export function narrowedTo(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('page');
  next.set(key, value);
  return next;
}
