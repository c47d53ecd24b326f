import { describe, expect, it } from 'vitest';
import { compileScheme } from '../compile-scheme.js';
import { inspect } from '../inspect.js';
import { inspectNaive, prepareNaive } from '../naive.js';
import { exampleTranscript } from '../transcript.js';
import { DEFAULT_95598_SCHEME } from './default-95598/index.js';

const compiled = compileScheme(DEFAULT_95598_SCHEME);
const naive = prepareNaive(DEFAULT_95598_SCHEME);

// Every example of every rule, as a case table: a new rule adds data, not a test.
const cases = DEFAULT_95598_SCHEME.rules.flatMap((rule) => [
  ...(rule.examples?.hit ?? []).map((example, i) => ({ id: rule.id, kind: 'hits' as const, i, example })),
  ...(rule.examples?.miss ?? []).map((example, i) => ({ id: rule.id, kind: 'does not hit' as const, i, example })),
]);

describe('default 95598 scheme', () => {
  it('has at least 40 rules, each with a hitting and a non-hitting example', () => {
    expect(DEFAULT_95598_SCHEME.rules.length).toBeGreaterThanOrEqual(40);
    for (const rule of DEFAULT_95598_SCHEME.rules) {
      expect(rule.examples?.hit.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples?.miss.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('has bonus rules as well as deductions', () => {
    expect(DEFAULT_95598_SCHEME.rules.some((r) => r.points > 0)).toBe(true);
  });

  it.each(cases)('$id $kind its example #$i', ({ id, kind, example }) => {
    const result = inspect(compiled, exampleTranscript(example));
    const hit = result.hits.find((h) => h.ruleId === id);
    expect(hit !== undefined, JSON.stringify(example.turns)).toBe(kind === 'hits');
    if (hit) {
      expect(hit.explanation.operator).not.toBe('');
      expect(result.passedRules).not.toContain(id);
    } else {
      expect(result.passedRules).toContain(id);
    }
  });

  it.each([
    ['an empty transcript', []],
    [
      'empty texts',
      [
        { speaker: 'agent', start_ms: 0, end_ms: 0, text: '' },
        { speaker: 'customer', start_ms: 0, end_ms: 0, text: '' },
      ],
    ],
    [
      'turns out of time order',
      [
        { speaker: 'agent', start_ms: 9000, end_ms: 5000, text: '您好' },
        { speaker: 'customer', start_ms: 0, end_ms: 100, text: '太过分了！' },
      ],
    ],
    ['system turns only', [{ speaker: 'system', start_ms: 0, end_ms: 1000, text: '（IVR）请按1' }]],
  ] as const)('inspects %s without throwing', (_label, turns) => {
    const result = inspect(compiled, { turns });
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.hits.length + result.passedRules.length).toBe(DEFAULT_95598_SCHEME.rules.length);
  });

  it.each(cases)('naive evaluator agrees with the compiled engine on $id example #$i ($kind)', ({ example }) => {
    const transcript = exampleTranscript(example);
    const a = inspect(compiled, transcript);
    const b = inspectNaive(naive, transcript);
    expect(b.hits.map((h) => h.ruleId)).toEqual(a.hits.map((h) => h.ruleId));
    expect(b.score).toBe(a.score);
  });
});
