import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';
import { requiredLiterals } from './regex-prefilter.js';

const all = (patterns: string[], text: string) => {
  const found: string[] = [];
  new AhoCorasick(patterns).scan(text, (id, start, end) => found.push(`${patterns[id]}@${start}-${end}`));
  return found.sort();
};

describe('AhoCorasick', () => {
  it('finds every occurrence, overlapping and nested ones included', () => {
    expect(all(['满意', '不满意', '不满'], '我不满意')).toEqual(['不满@1-3', '不满意@1-4', '满意@2-4']);
  });

  it('follows failure links across partial matches', () => {
    expect(all(['abcd', 'bc', 'c'], 'xabcx')).toEqual(['bc@2-4', 'c@3-4']);
  });

  it('agrees with indexOf on random texts', () => {
    const alphabet = '停电费户号您好';
    let seed = 7;
    const pick = () => {
      seed = (seed * 48271) % 2147483647;
      return alphabet[seed % alphabet.length] as string;
    };
    const patterns = Array.from({ length: 30 }, () => pick() + pick() + (seed % 2 ? pick() : ''));
    const text = Array.from({ length: 300 }, pick).join('');
    const expected: string[] = [];
    patterns.forEach((p) => {
      for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) expected.push(`${p}@${i}-${i + p.length}`);
    });
    const unique = [...new Set(patterns)];
    expect(all(unique, text)).toEqual([...new Set(expected)].sort());
  });
});

describe('requiredLiterals', () => {
  it.each([
    ['工号\\d{4}', ['工号']],
    ['请(您)?稍等', ['稍等']],
    ['停了[^，]{0,4}(天|小时)', ['停了']],
    ['a+bc', ['bc']],
    ['你好?吗', ['你']],
    ['投诉|曝光', ['投诉', '曝光']],
    ['\\d{17}[\\dXx]', null],
    ['(保证|肯定)马上', ['马上']],
    ['投诉|\\d+', null],
    ['ABC', null, 'i'] as [string, null, string],
    ['(工号|编号)\\d+', ['工号', '编号']],
    ['\\d{1,2}[点时]', ['点', '时']],
    ['(?:欠费|余额)\\d+元?', ['欠费', '余额']],
    ['你(?!好)', ['你']],
    ['[^点]+', null],
  ] as [string, string[] | null, string?][])('%s → %j', (pattern, expected, flags = '') => {
    expect(requiredLiterals(pattern, flags)).toEqual(expected);
  });

  it('only ever names literals the regex cannot match without', () => {
    const patterns = [
      '工号\\d{4}',
      '请(您)?稍等',
      '停了[^，]{0,4}(天|小时)',
      '投诉|曝光',
      '(保证|肯定)马上',
      '(工号|编号)\\d+',
      '\\d{1,2}[点时]',
    ];
    for (const pattern of patterns) {
      const samples = [
        '工号1234',
        '编号12',
        '请稍等',
        '请您稍等',
        '停了两天',
        '我要投诉',
        '找媒体曝光',
        '肯定马上',
        '8点',
        '12时',
      ];
      const literals = requiredLiterals(pattern) ?? [];
      for (const s of samples.filter((x) => new RegExp(pattern).test(x))) {
        expect(
          literals.some((l) => s.includes(l)),
          `${pattern} on ${s}`,
        ).toBe(true);
      }
    }
  });
});
