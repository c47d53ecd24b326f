import { describe, expect, it } from 'vitest';
import { CUSTOMER_SOURCES } from '../definitions/customer-sources.js';
import { applyDelta, compileDelta } from './feature-delta.js';
import { notIncremental, valueFromState } from './feature-state.js';
import type { FeatureDef } from './types.js';

const feature = (spec: Partial<FeatureDef>): FeatureDef => ({
  code: 'x',
  subject: 'customer',
  name: { zh: 'x', en: 'x' },
  source: 'trace',
  aggregate: 'count',
  windowDays: 365,
  version: 1,
  ...spec,
});
const AS_OF = new Date('2026-06-01T00:00:00Z');
const trace = CUSTOMER_SOURCES.find((s) => s.code === 'trace');
if (!trace) throw new Error('no trace source');

describe('applying a delta to a feature state', () => {
  it('adds and takes away counts, sums and the two counts of a share', () => {
    expect(applyDelta(feature({}), 7, [-2], AS_OF)).toBe(5);
    expect(applyDelta(feature({ aggregate: 'sum', value: 't.x' }), 10.5, [2.25], AS_OF)).toBe(12.75);
    const share = applyDelta(feature({ aggregate: 'share', shareOf: 'true' }), [1, 4], [1, 0], AS_OF);
    expect(share).toEqual([2, 4]);
    expect(valueFromState(feature({ aggregate: 'share' }), share as [number, number], AS_OF)).toBe(0.5);
  });

  it('counts a distinct value out only when its last row leaves the window', () => {
    const f = feature({ aggregate: 'distinct', value: 't.channel' });
    const state = applyDelta(f, { app: 2, phone: 1 }, [['wechat'], ['app', 'phone']], AS_OF);
    expect(state).toEqual({ app: 1, wechat: 1 });
    expect(valueFromState(f, state as Record<string, number>, AS_OF)).toBe(2);
  });

  it('reads in full when a max loses a row, and keeps the larger otherwise', () => {
    const f = feature({ aggregate: 'max', value: 't.n' });
    expect(applyDelta(f, 900, [null, 1], AS_OF)).toBe('reread');
    expect(applyDelta(f, 900, [1200, 0], AS_OF)).toBe(1200);
    expect(applyDelta(f, null, [80, 0], AS_OF)).toBe(80);
  });

  it('days since the newest row: the stored newest counts only while inside the window', () => {
    const f = feature({ aggregate: 'days_since', windowDays: 90 });
    const newest = AS_OF.getTime() / 1000 - 10 * 86_400;
    expect(valueFromState(f, applyDelta(f, newest, [null], AS_OF) as number, AS_OF)).toBeCloseTo(10, 9);
    const old = AS_OF.getTime() / 1000 - 91 * 86_400;
    expect(applyDelta(f, old, [null], AS_OF)).toBeNull(); // every row it stood for has left
    expect(applyDelta(f, old, [newest], AS_OF)).toBe(newest);
  });
});

describe('which sources can be kept incrementally', () => {
  it('names the feature that cannot', () => {
    expect(notIncremental(trace, [feature({ aggregate: 'slope' })])).toMatch(/slope has no running state/);
    expect(
      notIncremental(trace, [feature({ aggregate: 'min', value: 'extract(epoch FROM ($1 - t.occurred_at))' })]),
    ).toMatch(/reads the as-of time/);
    expect(notIncremental(trace, [feature({ where: 'EXISTS (SELECT 1 FROM bill b)' })])).toMatch(/has no revisitOn/);
    expect(
      notIncremental(trace, [feature({ where: 'EXISTS (SELECT 1 FROM bill b)', revisitOn: ['trace:bill_issued'] })]),
    ).toBeNull();
  });

  it('reads one band per window besides the listed rows and the rows recorded ahead of their time', () => {
    const sql = compileDelta(trace, [feature({ windowDays: 365 }), feature({ code: 'y', windowDays: 90 })]).sql;
    expect(sql.match(/UNION ALL/g)).toHaveLength(3);
    expect(sql).toContain("st.as_of - interval '90 days' AND t.occurred_at < $1::timestamptz - interval '90 days'");
    expect(sql).toContain("st.as_of - interval '365 days' AND t.occurred_at < $1::timestamptz - interval '365 days'");
    // A state a whole window old would make the bands overlap: read in full.
    expect(sql).toContain("s.as_of > $1::timestamptz - interval '90 days'");
  });
});
