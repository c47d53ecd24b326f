import { describe, expect, it } from 'vitest';
import { formatEvaluation, formatEvaluationMarkdown } from './format.js';
import { tallyViolations } from './tally.js';

const map = { greeting: ['r.greeting'], forbidden: ['r.a', 'r.b'] };

describe('tallyViolations', () => {
  it('counts a planted code found by any of its rules as a true positive', () => {
    const result = tallyViolations(
      [
        { planted: ['forbidden'], hitRuleIds: ['r.b'] },
        { planted: ['forbidden'], hitRuleIds: [] },
        { planted: [], hitRuleIds: ['r.a', 'r.b'] },
        { planted: [], hitRuleIds: ['unrelated'] },
      ],
      map,
    );
    const forbidden = result.codes.find((c) => c.code === 'forbidden');
    expect(result.calls).toBe(4);
    expect(forbidden).toMatchObject({ planted: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(forbidden?.precision).toBe(0.5);
    expect(forbidden?.recall).toBe(0.5);
    expect(forbidden?.rules).toEqual([
      { ruleId: 'r.a', truePositives: 0, falsePositives: 1, falseNegatives: 2, precision: 0, recall: 0 },
      { ruleId: 'r.b', truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 },
    ]);
  });

  it('leaves precision and recall null when nothing was flagged or planted', () => {
    const result = tallyViolations([{ planted: [], hitRuleIds: [] }], map);
    expect(result.codes[0]).toMatchObject({ code: 'greeting', precision: null, recall: null, planted: 0 });
  });

  it('ignores planted codes that have no rules in the map', () => {
    const result = tallyViolations([{ planted: ['other'], hitRuleIds: ['r.greeting'] }], map);
    expect(result.codes.map((c) => c.code)).toEqual(['greeting', 'forbidden']);
    expect(result.codes[0]?.falsePositives).toBe(1);
  });
});

describe('formatEvaluation', () => {
  const evaluation = tallyViolations(
    [
      { planted: ['greeting'], hitRuleIds: ['r.greeting'] },
      { planted: [], hitRuleIds: [] },
    ],
    map,
  );

  it('prints the call count, one row per code and the rules of multi-rule codes', () => {
    const text = formatEvaluation(evaluation);
    expect(text).toContain('2 calls inspected');
    expect(text).toMatch(/greeting\s+1\s+1\s+0\s+0\s+1\.00\s+1\.00/);
    expect(text).toContain('  r.b');
    expect(text).not.toContain('  r.greeting');
  });

  it('renders a markdown row per code', () => {
    expect(formatEvaluationMarkdown(evaluation)).toContain('| `forbidden` | 0 | 0 | 0 | 0 | – | – |');
  });
});
