import { describe, expect, it } from 'vitest';
import { keywordFieldsOf, keywordRuleFrom } from '../../web/src/components/qa-keyword-rule.js';
import { splitMarked } from '../../web/src/components/qa-mark-spans.js';
import { parseTranscriptText, transcriptToText } from '../../web/src/components/qa-transcript-text.js';

describe('splitMarked (transcript highlights)', () => {
  it('marks exactly the span of a hit and leaves the rest plain', () => {
    const pieces = splitMarked('您好，我不知道，你自己去查', [{ start: 3, end: 7, hit: 'dismissive' }]);
    expect(pieces.map((p) => [p.text, p.covering])).toEqual([
      ['您好，', []],
      ['我不知道', ['dismissive']],
      ['，你自己去查', []],
    ]);
  });

  it('cuts overlapping hits so each piece lists every hit covering it', () => {
    const pieces = splitMarked('abcdef', [
      { start: 1, end: 4, hit: 'a' },
      { start: 3, end: 6, hit: 'b' },
    ]);
    expect(pieces.map((p) => [p.text, p.covering])).toEqual([
      ['a', []],
      ['bc', ['a']],
      ['d', ['a', 'b']],
      ['ef', ['b']],
    ]);
  });

  it('clips spans that reach past the text and ignores empty ones', () => {
    const pieces = splitMarked('abc', [
      { start: 2, end: 9, hit: 'x' },
      { start: 1, end: 1, hit: 'empty' },
    ]);
    expect(pieces.map((p) => [p.text, p.covering])).toEqual([
      ['a', []],
      ['b', []],
      ['c', ['x']],
    ]);
  });
});

describe('parseTranscriptText (try-it box)', () => {
  it('reads speakers in Chinese or English, with or without times', () => {
    const parsed = parseTranscriptText('坐席：您好，工号3021\n\ncustomer[3-9.5]: 我家停电了\nA: 好的');
    expect(parsed).toEqual({
      ok: true,
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 2250, text: '您好，工号3021' },
        { speaker: 'customer', startMs: 3000, endMs: 9500, text: '我家停电了' },
        { speaker: 'agent', startMs: 10300, endMs: 11300, text: '好的' },
      ],
    });
  });

  it('names the first line it cannot read', () => {
    expect(parseTranscriptText('坐席：您好\n路人：喂')).toEqual({ ok: false, line: 2, text: '路人：喂' });
    expect(parseTranscriptText('客户：')).toEqual({ ok: false, line: 1, text: '客户：' });
  });

  it('writes a stored transcript back in the same format', () => {
    const turns = [
      { speaker: 'agent' as const, startMs: 0, endMs: 2500, text: '您好' },
      { speaker: 'customer' as const, startMs: 3000, endMs: 5000, text: '停电了' },
    ];
    const parsed = parseTranscriptText(transcriptToText(turns));
    expect(parsed).toEqual({ ok: true, turns });
  });
});

describe('keyword rule form', () => {
  const rule = {
    id: 'etiquette.missing_greeting',
    name: '未使用问候语',
    description: '…',
    category: 'etiquette',
    points: -3,
    when: { not: { op: 'keyword', words: ['您好'], speaker: 'agent', window: { firstTurns: 2 } } },
    examples: { hit: [], miss: [] },
  };

  it('reads a keyword-absence rule into the form and writes it back unchanged', () => {
    const fields = keywordFieldsOf(rule);
    expect(fields).toMatchObject({
      mode: 'absent',
      words: ['您好'],
      speaker: 'agent',
      windowKind: 'firstTurns',
      windowSize: 2,
    });
    expect(keywordRuleFrom(fields ?? (null as never), rule)).toEqual(rule);
  });

  it('writes form changes into the condition and keeps the examples', () => {
    const fields = keywordFieldsOf(rule) ?? (null as never);
    const changed = keywordRuleFrom(
      { ...fields, mode: 'present', words: ['不知道', '没办法'], speaker: 'any', windowKind: 'none', veto: true },
      rule,
    );
    expect(changed.when).toEqual({ op: 'keyword', words: ['不知道', '没办法'] });
    expect(changed.veto).toBe(true);
    expect(changed.examples).toEqual(rule.examples);
  });

  it('leaves rules the form cannot express to the JSON editor', () => {
    expect(keywordFieldsOf({ ...rule, when: { op: 'regex', pattern: '工号\\d+' } })).toBeNull();
    expect(keywordFieldsOf({ ...rule, when: { all: [{ op: 'keyword', words: ['转接'] }] } })).toBeNull();
    expect(
      keywordFieldsOf({ ...rule, when: { op: 'keyword', words: ['a'], window: { firstTurns: 1, lastTurns: 1 } } }),
    ).toBeNull();
  });
});
