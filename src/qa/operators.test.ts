import { describe, expect, it } from 'vitest';
import { compileScheme } from './compile-scheme.js';
import { inspect } from './inspect.js';
import { inspectNaive, prepareNaive } from './naive.js';
import type { RuleExample } from './rule-language.js';
import { exampleTranscript } from './transcript.js';

type Turns = RuleExample['turns'];
const schemeWith = (when: unknown) => ({
  id: 't',
  name: '测试',
  version: 1,
  categories: { c: { name: '类', maxDeduction: 100 } },
  synonyms: [['抱歉', '不好意思']],
  rules: [{ id: 'r', name: '规则', description: '说明', category: 'c', points: -1, when }],
});
function run(when: unknown, turns: Turns) {
  const result = inspect(compileScheme(schemeWith(when)), exampleTranscript({ turns }));
  const naive = inspectNaive(prepareNaive(schemeWith(when)), exampleTranscript({ turns }));
  expect(naive.hits.length, 'naive evaluator agrees').toBe(result.hits.length);
  return result.hits[0];
}

const kw = (words: string[], extra: Record<string, unknown> = {}) => ({ op: 'keyword', words, ...extra });
const greet: Turns = [
  ['agent', '您好，请讲。'],
  ['customer', '我家停电了'],
  ['agent', '请您稍等'],
  ['customer', '好的，谢谢'],
];

describe.each([
  ['keyword hits a phrase', kw(['停电']), greet, true],
  ['keyword misses an absent phrase', kw(['跳闸']), greet, false],
  ['keyword speaker filter: customer said it, not the agent', kw(['停电'], { speaker: 'agent' }), greet, false],
  ['keyword synonyms: 不好意思 counts as 抱歉', kw(['抱歉']), [['agent', '不好意思，让您久等了']], true],
  ['keyword minCount reached', kw(['好'], { minCount: 2 }), greet, true],
  ['keyword minCount not reached', kw(['停电'], { minCount: 2 }), greet, false],
  ['keyword wholeWord hits a word', kw(['电费'], { wholeWord: true }), [['customer', '我想查电费']], true],
  [
    'keyword wholeWord ignores a word inside a longer word',
    kw(['靠'], { wholeWord: true }),
    [['agent', '在靠近东门的位置']],
    false,
  ],
  ['window firstTurns', kw(['稍等'], { window: { firstTurns: 2 } }), greet, false],
  ['window lastTurns', kw(['稍等'], { window: { lastTurns: 2 } }), greet, true],
  [
    'window firstSeconds',
    kw(['再见'], { window: { firstSeconds: 10 } }),
    [
      ['agent', '您好', 0, 1],
      ['agent', '再见', 30, 31],
    ],
    false,
  ],
  [
    'window firstSeconds counts from the end of the recorded prompt',
    kw(['您好'], { speaker: 'agent', window: { firstSeconds: 5 } }),
    [
      ['system', '欢迎致电国家电网95598供电服务热线，您的通话可能会被录音。', 0, 7],
      ['agent', '您好，请讲。', 8, 10],
    ],
    true,
  ],
  [
    'window firstSeconds after the prompt still misses a late answer',
    kw(['您好'], { speaker: 'agent', window: { firstSeconds: 5 } }),
    [
      ['system', '欢迎致电国家电网95598供电服务热线，您的通话可能会被录音。', 0, 7],
      ['customer', '喂？有人吗？', 9, 10],
      ['agent', '您好，请讲。', 13, 15],
    ],
    false,
  ],
  [
    'window lastSeconds',
    kw(['再见'], { window: { lastSeconds: 10 } }),
    [
      ['agent', '您好', 0, 1],
      ['agent', '再见', 30, 31],
    ],
    true,
  ],
  ['regex hits', { op: 'regex', pattern: '工号\\d{4}' }, [['agent', '您好，工号3021为您服务']], true],
  ['regex misses', { op: 'regex', pattern: '工号\\d{4}' }, [['agent', '您好，为您服务']], false],
  ['regex without a literal still runs', { op: 'regex', pattern: '\\d{11}' }, [['agent', '号码13812345678']], true],
  ['absent: agent never said it', { op: 'absent', expr: kw(['再见'], { speaker: 'agent' }) }, greet, true],
  ['absent: it was said', { op: 'absent', expr: kw(['稍等'], { speaker: 'agent' }) }, greet, false],
  ['not inverts', { not: kw(['停电']) }, greet, false],
  ['all needs every part', { all: [kw(['停电']), kw(['跳闸'])] }, greet, false],
  ['any needs one part', { any: [kw(['跳闸']), kw(['谢谢'])] }, greet, true],
  ['order: A before B', { op: 'order', first: kw(['停电']), second: kw(['稍等']) }, greet, true],
  ['order: B before A does not count', { op: 'order', first: kw(['稍等']), second: kw(['停电']) }, greet, false],
  ['order within maxTurns', { op: 'order', first: kw(['您好']), second: kw(['谢谢']), maxTurns: 1 }, greet, false],
  ['near within maxChars, either order', { op: 'near', a: kw(['谢谢']), b: kw(['好的']), maxChars: 3 }, greet, true],
  ['near too far apart', { op: 'near', a: kw(['您好']), b: kw(['谢谢']), maxChars: 5 }, greet, false],
  ['near in the same turn only', { op: 'near', a: kw(['停电']), b: kw(['稍等']), maxTurns: 0 }, greet, false],
  [
    'silence longer than S',
    { op: 'silence', minSeconds: 20 },
    [
      ['agent', '好的', 0, 1],
      ['agent', '查到了', 25, 26],
    ],
    true,
  ],
  [
    'silence shorter than S',
    { op: 'silence', minSeconds: 20 },
    [
      ['agent', '好的', 0, 1],
      ['agent', '查到了', 15, 16],
    ],
    false,
  ],
  [
    'silence after a hold notice is excused',
    { op: 'silence', minSeconds: 20, holdNotice: kw(['稍等']) },
    [
      ['agent', '请稍等', 0, 1],
      ['agent', '查到了', 25, 26],
    ],
    false,
  ],
  [
    'interruption by ≥ X ms',
    { op: 'interruption', by: 'agent', minOverlapMs: 500 },
    [
      ['customer', '我想问', 0, 3],
      ['agent', '户号', 2, 4],
    ],
    true,
  ],
  [
    'overlap shorter than X',
    { op: 'interruption', by: 'agent', minOverlapMs: 500 },
    [
      ['customer', '我想问', 0, 3],
      ['agent', '户号', 2.8, 4],
    ],
    false,
  ],
  [
    'interruption by the other party does not count',
    { op: 'interruption', by: 'agent', minOverlapMs: 500 },
    [
      ['agent', '我想问', 0, 3],
      ['customer', '户号', 2, 4],
    ],
    false,
  ],
  ['speechRate mean above', { op: 'speechRate', above: 6 }, [['agent', '一二三四五六七八九十', 0, 1]], true],
  ['speechRate mean within', { op: 'speechRate', above: 6 }, [['agent', '一二三四五六七八九十', 0, 4]], false],
  [
    'speechRate anyTurn below',
    { op: 'speechRate', below: 2, measure: 'anyTurn' },
    [
      ['agent', '一二三四五六七八九十', 0, 2],
      ['agent', '一二三四五六七八九十', 3, 13],
    ],
    true,
  ],
  ['speechRate ignores short turns', { op: 'speechRate', above: 6 }, [['agent', '好的', 0, 0.1]], false],
  [
    'responseDelay above S',
    { op: 'responseDelay', minSeconds: 5 },
    [
      ['customer', '停电了', 0, 1],
      ['agent', '好的', 8, 9],
    ],
    true,
  ],
  [
    'responseDelay within S',
    { op: 'responseDelay', minSeconds: 5 },
    [
      ['customer', '停电了', 0, 1],
      ['agent', '好的', 2, 3],
    ],
    false,
  ],
  ['emotion at most', { op: 'emotion', atMost: -3 }, [['customer', '你们太过分了，我要投诉！']], true],
  ['emotion calm customer', { op: 'emotion', atMost: -3 }, [['customer', '好的，谢谢']], false],
  [
    'emotionTrend rising anger',
    { op: 'emotionTrend', slopeAtMost: -1 },
    [
      ['customer', '停电了'],
      ['customer', '怎么还没来'],
      ['customer', '太过分了，我要投诉！'],
    ],
    true,
  ],
  [
    'emotionTrend calming down',
    { op: 'emotionTrend', slopeAtMost: -1 },
    [
      ['customer', '太过分了！'],
      ['customer', '好吧'],
      ['customer', '好的，谢谢'],
    ],
    false,
  ],
  [
    'angryNotSoothed: no apology',
    { op: 'angryNotSoothed', atMost: -3, soothing: kw(['抱歉'], { speaker: 'agent' }) },
    [
      ['customer', '太过分了，我要投诉！'],
      ['agent', '户号多少'],
    ],
    true,
  ],
  [
    'angryNotSoothed: apology within N turns',
    { op: 'angryNotSoothed', atMost: -3, soothing: kw(['抱歉'], { speaker: 'agent' }), withinTurns: 2 },
    [
      ['customer', '太过分了，我要投诉！'],
      ['customer', '快点'],
      ['agent', '非常抱歉'],
    ],
    false,
  ],
  [
    'angryNotSoothed ignoring threats: a calm demand to escalate is no anger',
    {
      op: 'angryNotSoothed',
      atMost: -3,
      soothing: kw(['抱歉'], { speaker: 'agent' }),
      ignoreThreats: true,
    },
    [
      ['customer', '电压老是不稳，再不解决我就打12398投诉！'],
      ['agent', '已经帮您派单'],
    ],
    false,
  ],
  [
    'angryNotSoothed ignoring threats: anger beside the threat still counts',
    {
      op: 'angryNotSoothed',
      atMost: -3,
      soothing: kw(['抱歉'], { speaker: 'agent' }),
      ignoreThreats: true,
    },
    [
      ['customer', '你们太过分了！再不解决我就打12398投诉！'],
      ['agent', '已经帮您派单'],
    ],
    true,
  ],
  [
    'angryNotSoothed counting threats: the same calm demand reads as anger',
    { op: 'angryNotSoothed', atMost: -3, soothing: kw(['抱歉'], { speaker: 'agent' }) },
    [
      ['customer', '电压老是不稳，再不解决我就打12398投诉！'],
      ['agent', '已经帮您派单'],
    ],
    true,
  ],
] as const)('%s', (_label, when, turns, expected) => {
  it(expected ? 'hits' : 'does not hit', () => {
    expect(run(when, turns as Turns) !== undefined).toBe(expected);
  });
});

describe('explanations', () => {
  it('give the turn, the char span, the speaker and the matched text of a keyword', () => {
    const hit = run(kw(['停电']), greet);
    expect(hit?.explanation).toMatchObject({
      operator: 'keyword',
      turnIndex: 1,
      charStart: 2,
      charEnd: 4,
      speaker: 'customer',
      matched: '停电',
    });
  });

  it('give the actual figure compared for a silence', () => {
    const hit = run({ op: 'silence', minSeconds: 20 }, [
      ['agent', '好的', 0, 1],
      ['agent', '查到了', 28.3, 29],
    ]);
    expect(hit?.explanation.actual).toBe('silence 27.3 s > 20 s before turn 1');
    expect(hit?.explanation.turnIndex).toBe(1);
  });

  it('give both spans of an order', () => {
    const hit = run({ op: 'order', first: kw(['停电']), second: kw(['稍等']) }, greet);
    expect(hit?.evidence.map((e) => e.turnIndex)).toEqual([1, 2]);
    expect(hit?.explanation.actual).toBe('1 turns, 4 chars apart');
  });

  it('point at the angriest word of an emotion hit', () => {
    const hit = run({ op: 'emotion', atMost: -3 }, [['customer', '停电了，我要投诉！']]);
    expect(hit?.explanation).toMatchObject({ matched: '投诉', charStart: 6, charEnd: 8 });
  });
});
