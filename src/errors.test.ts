import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';

describe('error registry', () => {
  const docs = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const documented = new Set([...docs.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));

  it.each(Object.keys(ERROR_CODES))('documents %s in docs/errors.md', (code) => {
    expect(documented.has(code)).toBe(true);
  });

  it('documents no code that the registry lacks', () => {
    const unknown = [...documented].filter((code) => code !== undefined && !Object.hasOwn(ERROR_CODES, code));
    expect(unknown).toEqual([]);
  });
});
