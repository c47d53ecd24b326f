import { describe, expect, it } from 'vitest';
import { csvField } from './segment-export.js';
import { compileSql, joinSql, sql } from './sql-fragment.js';

describe('sql tagged template', () => {
  it('turns every value into a numbered parameter, in order, across nested fragments', () => {
    const tags = ["x' OR 1=1 --"];
    const where = joinSql([sql`p.tags @> ${tags}::text[]`, sql`o.path LIKE ${'/HN/%'}`], ' AND ');
    const { text, params } = compileSql(sql`SELECT 1 FROM t WHERE ${where} LIMIT ${20}`);
    expect(text).toBe('SELECT 1 FROM t WHERE p.tags @> $1::text[] AND o.path LIKE $2 LIMIT $3');
    expect(params).toEqual([tags, '/HN/%', 20]);
  });

  it('joins an empty list to the given constant', () => {
    expect(compileSql(joinSql([], ' AND ')).text).toBe('TRUE');
  });

  it('numbers a fragment used twice as two sets of parameters', () => {
    const part = sql`a = ${1}`;
    expect(compileSql(sql`${part} OR ${part}`)).toEqual({ text: 'a = $1 OR a = $2', params: [1, 1] });
  });
});

describe('CSV fields', () => {
  it.each([
    ['plain text', '张*明', '张*明'],
    ['a comma', '长沙,岳麓', '"长沙,岳麓"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a leading minus in text', '-1+2', "'-1+2"],
    ['a leading at-sign', '@SUM(A1)', "'@SUM(A1)"],
  ])('%s', (_, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and null as empty', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });
});
