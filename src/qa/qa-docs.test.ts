import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QA_VIOLATION_CODES } from '../demo/qa-violations.js';
import { OPERATORS } from './rule-language.js';
import { DEFAULT_95598_SCHEME } from './schemes/default-95598/index.js';
import { VIOLATION_RULES } from './violation-map.js';

const doc = readFileSync(new URL('../../docs/qa.md', import.meta.url), 'utf8');

describe('docs/qa.md', () => {
  it.each(OPERATORS)('documents the %s operator with an example', (op) => {
    expect(doc).toContain(`"op": "${op}"`);
  });

  it.each(DEFAULT_95598_SCHEME.rules.map((r) => r.id))('lists default rule %s', (id) => {
    expect(doc).toContain(`\`${id}\``);
  });
});

describe('violation map', () => {
  it('covers exactly the codes the demo generator plants', () => {
    expect(Object.keys(VIOLATION_RULES).sort()).toEqual([...QA_VIOLATION_CODES].sort());
  });

  it.each(Object.entries(VIOLATION_RULES))('%s maps to rules of the default scheme', (_code, ruleIds) => {
    const ids = new Set(DEFAULT_95598_SCHEME.rules.map((r) => r.id));
    for (const id of ruleIds) expect(ids.has(id), id).toBe(true);
  });
});
