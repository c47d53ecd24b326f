import { describe, expect, it } from 'vitest';
import { scoreSentiment, trendSlope } from './sentiment.js';

describe('scoreSentiment', () => {
  it.each([
    ['我家停电了', 0],
    ['好的，谢谢', 3],
    ['我要投诉', -3],
    ['我要投诉！！！', -4],
    ['太生气了', -3],
    ['我不满意', -2],
    ['我不是很满意', -2],
    ['我不生气', 1],
    ['什么破服务', -3],
    ['简直是受不了', -4.5],
    ['你们怎么搞的', -3],
    // A negator ends at a clause break: 没有 answers the agent's question, 谢谢 stays thanks.
    ['没有了，谢谢', 2],
  ])('%s scores %d', (text, score) => {
    expect(scoreSentiment(text).score).toBe(score);
  });

  it('weighs a caller’s threats in the caller’s turns only: an agent naming 12398 or a complaint order is not angry', () => {
    expect(scoreSentiment('我要打12398投诉你们', 'customer').score).toBe(-6);
    expect(scoreSentiment('如对处理结果有异议，您可以拨打12398能源监管热线。', 'agent').score).toBe(0);
    expect(scoreSentiment('好的，我马上为您登记投诉工单。', 'agent').score).toBe(1);
    // The agent's own anger still counts.
    expect(scoreSentiment('我也受不了了，你打12398吧', 'agent').score).toBe(-3);
  });

  it('scores the caller’s emotion without threat words beside the full score', () => {
    const calm = scoreSentiment('电压老是不稳，再不解决我就打12398投诉！', 'customer');
    expect(calm.score).toBeLessThanOrEqual(-3);
    expect(calm.scoreWithoutThreats).toBe(0);
    const angry = scoreSentiment('你们太过分了！我要找你们领导！', 'customer');
    expect(angry.scoreWithoutThreats).toBeLessThanOrEqual(-3);
    expect(angry.scoreWithoutThreats).toBeGreaterThan(angry.score);
  });

  it('reads 12398 only as a whole number: inside a phone number it is no threat', () => {
    expect(scoreSentiment('我的电话是13912398765', 'customer').score).toBe(0);
    expect(scoreSentiment('我打12398', 'customer').score).toBe(-3);
  });

  it('counts a word inside a longer lexicon word once (满意 in 不满意)', () => {
    expect(scoreSentiment('不满意').terms.map((t) => t.word)).toEqual(['不满意']);
  });

  it('returns the span of every term for highlighting', () => {
    expect(scoreSentiment('你们太过分了').terms).toEqual([
      { word: '太过分', start: 2, end: 5, weight: -3, threat: false },
    ]);
  });
});

describe('trendSlope', () => {
  it('is negative when scores fall and zero for one score', () => {
    expect(trendSlope([0, -2, -4])).toBe(-2);
    expect(trendSlope([1])).toBe(0);
  });
});
