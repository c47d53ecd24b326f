import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE } from './kind.js';
import { IMPORT_ORDER } from './records.js';
import { SCHEMAS } from './schemas.js';

const doc = ['docs/data-formats.md', 'docs/data-formats-transactions.md']
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const section = (kind: string) => doc.split(`\n### ${kind}\n`)[1]?.split('\n### ')[0] ?? '';

describe('docs/data-formats.md', () => {
  it.each(IMPORT_ORDER.map((kind) => [kind]))('documents every column and the default source of %s', (kind) => {
    const text = section(kind);
    expect(text, `no section for ${kind}`).not.toBe('');
    expect(text).toContain(`\`${DEFAULT_SOURCE[kind]}\``);
    for (const column of SCHEMAS[kind].columns) expect(text, `${kind}.${column.name}`).toContain(column.name);
  });
});
