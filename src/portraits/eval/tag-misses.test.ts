import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { formatTagMisses, tagMisses } from './tag-misses.js';

const customer = (no: string, traits: string[], tags: string[], features: Record<string, number>) => ({
  customerNo: no,
  traits: new Set(traits),
  tags: new Set(tags),
  features,
});
const when = {
  all: [
    { feature: 'complaints_12m', op: '>=' as const, value: 1 },
    { feature: 'escalations_12m', op: '>=' as const, value: 1 },
  ],
};

describe('tag misses', () => {
  it('lists false positives and negatives with the values of the features the condition reads, and no others', () => {
    const m = tagMisses(
      [
        customer('right', ['escalation_prone'], ['escalation_prone'], { complaints_12m: 3, escalations_12m: 2 }),
        customer('fp', [], ['escalation_prone'], { complaints_12m: 1, escalations_12m: 1, bills_12m: 12 }),
        customer('fn', ['escalation_prone'], [], { complaints_12m: 0 }),
        customer('quiet', [], [], {}),
      ],
      'escalation_prone',
      when,
    );
    expect(m.falsePositives).toEqual([{ customerNo: 'fp', features: { complaints_12m: 1, escalations_12m: 1 } }]);
    expect(m.falseNegatives).toEqual([{ customerNo: 'fn', features: { complaints_12m: 0, escalations_12m: null } }]);
    const text = formatTagMisses(m, 10);
    expect(text).toContain('1 false positives, 1 false negatives');
    expect(text).toContain('fn  complaints_12m=0 escalations_12m=–');
  });

  it('refuses a tag no planted trait backs', () => {
    expect(() => tagMisses([], 'special_customer', when)).toThrow(AppError);
  });
});
