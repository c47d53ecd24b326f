import { describe, expect, it } from 'vitest';
import {
  narrowedTo,
  paramsFromValues,
  type SegmentFormValues,
  valuesFromParams,
} from '../../web/src/components/segment-filter-values.js';

const SCORES = [
  { code: 'credit', min: 0, max: 100 },
  { code: 'fee_risk', min: 0, max: 100 },
];

const empty: SegmentFormValues = {
  tag: [],
  anyTag: [],
  notTag: [],
  creditGrade: [],
  feeRiskClass: [],
  scores: { credit: [0, 100], fee_risk: [0, 100] },
  customerType: [],
  industry: '',
  important: 'any',
  special: 'any',
  orgUnit: undefined,
  transformerArea: [],
};

describe('segment filter ↔ query string', () => {
  it('writes only what narrows: a slider at its full range is no filter', () => {
    expect(paramsFromValues(empty, SCORES).toString()).toBe('');
  });

  it('writes each list as repeated keys and a moved slider as code:min:max with open ends', () => {
    const params = paramsFromValues(
      {
        ...empty,
        tag: ['fee_sensitive', 'outage_sensitive'],
        creditGrade: ['D', 'E'],
        scores: { credit: [60, 100], fee_risk: [0, 30] },
        industry: ' c26 ',
        important: 'true',
        special: 'false',
        orgUnit: 'HN0101',
      },
      SCORES,
    );
    expect(params.getAll('tag')).toEqual(['fee_sensitive', 'outage_sensitive']);
    expect(params.getAll('creditGrade')).toEqual(['D', 'E']);
    expect(params.getAll('score')).toEqual(['credit:60:', 'fee_risk::30']);
    expect(params.get('industry')).toBe('C26');
    expect(params.get('important')).toBe('true');
    expect(params.get('special')).toBe('false');
    expect(params.get('orgUnit')).toBe('HN0101');
  });

  it('reads back what it wrote', () => {
    const values: SegmentFormValues = {
      ...empty,
      anyTag: ['silent'],
      notTag: ['punctual_payer'],
      feeRiskClass: ['3'],
      scores: { credit: [20, 70], fee_risk: [0, 100] },
      transformerArea: ['TA1', 'TA2'],
    };
    expect(valuesFromParams(paramsFromValues(values, SCORES), SCORES)).toEqual(values);
  });

  it('drills down to one value and back to page 1', () => {
    const next = narrowedTo(new URLSearchParams('creditGrade=A&creditGrade=B&page=3&tag=x'), 'creditGrade', 'B');
    expect(next.toString()).toBe('creditGrade=B&tag=x');
  });
});
