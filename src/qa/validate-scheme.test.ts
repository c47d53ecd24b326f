import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { compileScheme } from './compile-scheme.js';
import { validateScheme } from './validate-scheme.js';

const scheme = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 's',
  name: '测试方案',
  version: 1,
  categories: { etiquette: { name: '服务礼仪', maxDeduction: 10 } },
  rules,
  ...extra,
});
const rule = (id: string, when: unknown) => ({
  id,
  name: '规则',
  description: '说明',
  category: 'etiquette',
  points: -1,
  when,
});

function rejection(json: unknown): AppError {
  try {
    validateScheme(json);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected validateScheme to throw');
}

describe('validateScheme', () => {
  it('accepts a well-formed scheme and returns it typed', () => {
    const valid = validateScheme(scheme([rule('greet', { op: 'keyword', words: ['您好'] })]));
    expect(valid.rules[0]?.when).toEqual({ op: 'keyword', words: ['您好'] });
  });

  it.each([
    ['an unknown operator', { op: 'sounds_like', words: ['x'] }, 'when.op', /unknown operator 'sounds_like'/],
    ['an invalid regex', { op: 'regex', pattern: '(未闭合' }, 'when.pattern', /invalid regular expression/],
    ['an empty keyword list', { op: 'keyword', words: [] }, 'when.words', /keyword list is empty/],
    ['an empty keyword', { op: 'keyword', words: ['您好', ''] }, 'when.words.1', /must not be empty/],
    ['negative seconds', { op: 'silence', minSeconds: -5 }, 'when.minSeconds', /./],
    [
      'a regex nested deep in a combinator',
      { all: [{ not: { op: 'regex', pattern: '[' } }] },
      'when.all.0.not.pattern',
      /invalid regular expression/,
    ],
    [
      'a bad inner expression of order',
      { op: 'order', first: { op: 'keyword', words: [] }, second: { op: 'keyword', words: ['a'] } },
      'when.first.words',
      /empty/,
    ],
    [
      'near without a distance',
      { op: 'near', a: { op: 'keyword', words: ['a'] }, b: { op: 'keyword', words: ['b'] } },
      'when',
      /maxTurns or maxChars/,
    ],
    ['speechRate without a limit', { op: 'speechRate' }, 'when', /above or below/],
    ['an unknown parameter', { op: 'keyword', words: ['a'], colour: 'red' }, 'when', /colour/],
    ['an empty all', { all: [] }, 'when.all', /non-empty/],
    [
      'a combinator mixed with an operator',
      { any: [{ op: 'keyword', words: ['a'] }], op: 'keyword' },
      'when',
      /exactly one/,
    ],
    ['a positive emotion threshold', { op: 'emotion', atMost: 2 }, 'when.atMost', /≤ 0/],
    ['an empty window', { op: 'keyword', words: ['a'], window: {} }, 'when.window', /window needs/],
    ['a disallowed regex flag', { op: 'regex', pattern: 'a', flags: 'g' }, 'when.flags', /flags/],
  ])('rejects %s, naming the rule and the path', (_label, when, path, reason) => {
    const error = rejection(scheme([rule('r1', when)]));
    expect(error.code).toBe('QA_RULE_INVALID');
    expect(error.details).toMatchObject({ ruleId: 'r1', path });
    expect(error.message).toMatch(reason);
    expect(error.message).toContain("rule 'r1'");
  });

  it('rejects duplicate rule ids', () => {
    const error = rejection(
      scheme([rule('same', { op: 'keyword', words: ['a'] }), rule('same', { op: 'keyword', words: ['b'] })]),
    );
    expect(error.details).toMatchObject({ ruleId: 'same', path: 'rules.1.id' });
    expect(error.message).toMatch(/duplicate rule id/);
  });

  it('rejects a channel scope naming no channel of the vocabulary', () => {
    const error = rejection(scheme([{ ...rule('r', { op: 'keyword', words: ['a'] }), channels: ['fax'] }]));
    expect(error.details).toMatchObject({ ruleId: 'r', path: 'channels.0' });
    expect(rejection(scheme([{ ...rule('r', { op: 'keyword', words: ['a'] }), channels: [] }])).details).toMatchObject({
      path: 'channels',
    });
  });

  it('rejects a rule in an unknown category', () => {
    const error = rejection(scheme([{ ...rule('r', { op: 'keyword', words: ['a'] }), category: 'nope' }]));
    expect(error.message).toMatch(/unknown category 'nope'/);
  });

  it('rejects zero points and a missing rule name', () => {
    expect(rejection(scheme([{ ...rule('r', { op: 'keyword', words: ['a'] }), points: 0 }])).details).toMatchObject({
      path: 'points',
    });
    const { name: _drop, ...nameless } = rule('r', { op: 'keyword', words: ['a'] });
    expect(rejection(scheme([nameless])).details).toMatchObject({ ruleId: 'r', path: 'name' });
  });

  it('rejects a keyword with a line break, which would let a match span two turns', () => {
    expect(rejection(scheme([rule('r', { op: 'keyword', words: ['a\nb'] })])).message).toMatch(/line break/);
  });

  it('rejects a scheme without version or with a one-word synonym group', () => {
    const { version: _v, ...noVersion } = scheme([]);
    expect(rejection(noVersion).details).toMatchObject({ path: 'version' });
    expect(rejection(scheme([], { synonyms: [['抱歉']] })).message).toMatch(/synonym group/);
  });

  it('compileScheme validates too', () => {
    expect(() => compileScheme(scheme([rule('r', { op: 'regex', pattern: '*' })]))).toThrowError(
      /rule 'r' at when.pattern/,
    );
  });
});
