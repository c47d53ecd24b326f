import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogFor } from './index.js';

const doc = readFileSync(new URL('../../../docs/portraits.md', import.meta.url), 'utf8');

describe('docs/portraits.md', () => {
  it('lists every customer tag at its current version and every customer feature', () => {
    const catalog = catalogFor('customer');
    const missingTags = catalog.tags.filter((t) => !doc.includes(`\`${t.code}\` v${t.version}`)).map((t) => t.code);
    const missingFeatures = catalog.features.filter((f) => !doc.includes(`\`${f.code}\``)).map((f) => f.code);
    expect({ missingTags, missingFeatures }).toEqual({ missingTags: [], missingFeatures: [] });
  });
});
