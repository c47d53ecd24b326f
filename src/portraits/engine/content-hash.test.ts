import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import type { PortraitValues } from './evaluate-portrait.js';

const base: PortraitValues = {
  features: { contacts_12m: 3, complaints_12m: 1, last_contact_days: 12.34567, bill_queries_12m: null },
  tags: ['repeat_complainer', 'fee_sensitive'],
  scores: { credit: 88, complaint_risk: 0.1234 },
  grades: { credit_grade: 'A', fee_risk_class: '1' },
};
const reordered = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).reverse());

describe('contentHash', () => {
  it('is the same for the same content, whatever order names and tags come in', () => {
    const same: PortraitValues = {
      features: reordered(base.features),
      tags: [...base.tags].reverse(),
      scores: reordered(base.scores),
      grades: reordered(base.grades),
    };
    expect(contentHash(same)).toBe(contentHash(base));
  });

  it('ignores float noise below the fourth decimal and the sign of zero', () => {
    expect(contentHash({ ...base, features: { ...base.features, last_contact_days: 12.345671 } })).toBe(
      contentHash(base),
    );
    expect(contentHash({ ...base, scores: { ...base.scores, complaint_risk: 0.12340000001 } })).toBe(contentHash(base));
    const zero = { ...base, features: { ...base.features, complaints_12m: 0 } };
    expect(contentHash({ ...base, features: { ...base.features, complaints_12m: -0 } })).toBe(contentHash(zero));
  });

  it('sees every change a portrait can have', () => {
    const changed: PortraitValues[] = [
      { ...base, features: { ...base.features, last_contact_days: 12.3458 } },
      { ...base, features: { ...base.features, complaints_12m: null } },
      { ...base, features: { ...base.features, bill_queries_12m: 0 } },
      // The same values under another name.
      {
        ...base,
        features: { contacts_12m: 3, complaints_90d: 1, last_contact_days: 12.34567, bill_queries_12m: null },
      },
      { ...base, features: { ...base.features, calls_12m: 0 } },
      { ...base, tags: ['repeat_complainer'] },
      { ...base, tags: [...base.tags, 'emotional'] },
      { ...base, scores: { ...base.scores, credit: 87 } },
      { ...base, scores: { credit: 88, complaint_risk: null } },
      { ...base, grades: { ...base.grades, credit_grade: 'B' } },
      { ...base, grades: { ...base.grades, credit_grade: null } },
    ];
    const hashes = new Set([base, ...changed].map(contentHash));
    expect(hashes.size).toBe(changed.length + 1);
  });

  it('stays the same from release to release (on little-endian machines): stored rows are compared with it', () => {
    expect(contentHash(base)).toBe(contentHash(structuredClone(base)));
    expect(contentHash(base)).toBe('afKm7L6XkuJhRneJ81yxn1oFB4U');
  });
});
