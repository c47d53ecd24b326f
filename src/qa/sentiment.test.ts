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
  ])('%s scores %d', (text, score) => {
    expect(scoreSentiment(text).score).toBe(score);
  });

  it('counts a word inside a longer lexicon word once (满意 in 不满意)', () => {
    expect(scoreSentiment('不满意').terms.map((t) => t.word)).toEqual(['不满意']);
  });

  it('returns the span of every term for highlighting', () => {
    expect(scoreSentiment('你们太过分了').terms).toEqual([{ word: '太过分', start: 2, end: 5, weight: -3 }]);
  });
});

describe('trendSlope', () => {
  it('is negative when scores fall and zero for one score', () => {
    expect(trendSlope([0, -2, -4])).toBe(-2);
    expect(trendSlope([1])).toBe(0);
  });
});
