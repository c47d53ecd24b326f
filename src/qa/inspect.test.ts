import { describe, expect, it } from 'vitest';
import { compileScheme } from './compile-scheme.js';
import { inspect } from './inspect.js';
import { exampleTranscript } from './transcript.js';

const rule = (id: string, category: string, points: number, words: string[], veto = false) => ({
  id,
  name: id,
  description: id,
  category,
  points,
  ...(veto ? { veto } : {}),
  when: { op: 'keyword', words },
});
const scheme = compileScheme({
  id: 's',
  name: '计分',
  version: 3,
  baseScore: 100,
  categories: { a: { name: 'A', maxDeduction: 5 }, b: { name: 'B', maxDeduction: 50, maxBonus: 2 } },
  rules: [
    rule('a1', 'a', -4, ['甲']),
    rule('a2', 'a', -4, ['乙']),
    rule('b1', 'b', -10, ['丙']),
    rule('b2', 'b', 3, ['丁']),
    rule('veto', 'b', -1, ['滚蛋'], true),
    { ...rule('off', 'b', -50, ['甲']), enabled: false },
  ],
});
const score = (text: string) => inspect(scheme, exampleTranscript({ turns: [['agent', text]] }));

describe('scoring', () => {
  it('caps deductions per category', () => {
    const r = score('甲乙');
    expect(r.score).toBe(95);
    expect(r.categoryScores.find((c) => c.category === 'a')).toMatchObject({ deducted: 8, net: -5, capped: true });
  });

  it('adds bonus up to its cap and never above the base score', () => {
    expect(score('丙丁').score).toBe(92);
    expect(score('丁').score).toBe(100);
  });

  it('a veto rule sets the score to 0', () => {
    const r = score('滚蛋');
    expect(r).toMatchObject({ score: 0, vetoed: true });
  });

  it('lists passed rules and skips disabled ones', () => {
    const r = score('甲');
    expect(r.hits.map((h) => h.ruleId)).toEqual(['a1']);
    expect(r.passedRules).toEqual(['a2', 'b1', 'b2', 'veto']);
    expect(r).toMatchObject({ schemeId: 's', schemeVersion: 3, baseScore: 100 });
  });

  it('inspects an empty transcript without throwing', () => {
    expect(inspect(scheme, { turns: [] }).score).toBe(100);
  });

  it('a rule scoped to phone calls judges neither hit nor pass on a chat, and judges a call of unknown channel', () => {
    const scoped = compileScheme({
      id: 'c',
      name: '渠道',
      version: 1,
      categories: { a: { name: 'A', maxDeduction: 10 } },
      rules: [{ ...rule('voice', 'a', -2, ['嗯']), channels: ['phone_95598'] }, rule('any', 'a', -1, ['嗯'])],
    });
    const turns = exampleTranscript({ turns: [['agent', '嗯']] }).turns;
    const chat = inspect(scoped, { turns, channel: 'online_chat' });
    expect(chat.hits.map((h) => h.ruleId)).toEqual(['any']);
    expect(chat.passedRules).toEqual([]);
    expect(chat.score).toBe(99);
    expect(inspect(scoped, { turns, channel: 'phone_95598' }).hits.map((h) => h.ruleId)).toEqual(['voice', 'any']);
    expect(inspect(scoped, { turns }).hits.map((h) => h.ruleId)).toEqual(['voice', 'any']);
  });
});
