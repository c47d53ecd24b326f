import { describe, expect, it } from 'vitest';
import { PORTRAIT_CATALOG } from '../definitions/index.js';
import { customerFeatureLayout, featureArrayLiteral, featuresFromArray } from './feature-layout.js';

describe('the customer feature layout', () => {
  it('holds every customer feature once, in bytewise order, and no other subject', () => {
    const layout = customerFeatureLayout(PORTRAIT_CATALOG);
    const customer = PORTRAIT_CATALOG.features.filter((f) => f.subject === 'customer').map((f) => f.code);
    expect(new Set(layout)).toEqual(new Set(customer));
    expect(layout).toHaveLength(customer.length);
    for (let i = 1; i < layout.length; i++)
      expect(Buffer.compare(Buffer.from(layout[i - 1] ?? ''), Buffer.from(layout[i] ?? ''))).toBe(-1);
  });

  it('writes values in the layout order with NULL for a missing one, and reads them back', () => {
    const layout = ['a_count', 'b_share', 'c_days'];
    const literal = featureArrayLiteral(layout, { c_days: 1e-7, a_count: 12, b_share: null });
    expect(literal).toBe('{12,NULL,1e-7}');
    expect(featuresFromArray(layout, [12, null, 1e-7])).toEqual({ a_count: 12, b_share: null, c_days: 1e-7 });
    // A value the layout does not name is not written; one that is not finite is NULL.
    expect(featureArrayLiteral(layout, { a_count: 1, stray: 5 })).toBe('{1,NULL,NULL}');
    expect(featureArrayLiteral(layout, { a_count: Number.NaN, b_share: Number.POSITIVE_INFINITY, c_days: -0.5 })).toBe(
      '{NULL,NULL,-0.5}',
    );
  });
});
