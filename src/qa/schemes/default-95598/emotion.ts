/** 情绪安抚: noticing and soothing an angry customer; the agent's own emotion. */
import type { QaRule } from '../../rule-language.js';
import { SOOTHING } from './phrases.js';

export const emotionRules: QaRule[] = [
  {
    id: 'emotion.angry_not_soothed',
    name: '客户情绪激动未安抚',
    description:
      '客户首次出现明显情绪激动（情感分 ≤ −3，投诉、曝光、12398 等诉求词不计入，由越级投诉规则处理）后，坐席在随后两轮内没有致歉或安抚。',
    category: 'emotion',
    points: -5,
    // A calm "再不解决我就打12398" is a demand, deducted by escalation_threat_not_handled; counting
    // its words as anger here would deduct the same sentence twice.
    when: { op: 'angryNotSoothed', atMost: -3, soothing: SOOTHING, withinTurns: 2, ignoreThreats: true },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '都停了一天了，你们太过分了！'],
            ['agent', '您的户号是多少？'],
            ['customer', '3301'],
            ['agent', '好的。'],
          ],
        },
        {
          turns: [
            ['customer', '电费怎么这么高，什么破服务'],
            ['agent', '上月电费是按阶梯电价计算的。'],
            ['customer', '行吧'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '都停了一天了，你们太过分了！'],
            ['agent', '非常抱歉给您带来不便，我马上为您催办。'],
          ],
        },
        {
          turns: [
            ['customer', '我家停电了，麻烦看一下'],
            ['agent', '您的户号是多少？'],
          ],
        },
        {
          turns: [
            ['customer', '电压老是不稳，我要找你们领导，去上级部门反映！'],
            ['agent', '已经帮您派单，供电所会安排人员去测量电压。'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.rising_anger',
    name: '客户情绪持续升级',
    description: '客户情感分逐轮下降（斜率 ≤ −1/轮，至少三轮），说明沟通未能化解不满。',
    category: 'emotion',
    points: -2,
    when: { op: 'emotionTrend', slopeAtMost: -1, minTurns: 3 },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '好的'],
            ['customer', '怎么还没来电'],
            ['agent', '在处理'],
            ['customer', '你们太过分了，我要投诉！'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '非常抱歉'],
            ['customer', '好的'],
            ['agent', '马上安排'],
            ['customer', '谢谢'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.ended_angry',
    name: '通话结束时客户仍不满',
    description: '最后两轮中客户仍有明显不满（情感分 ≤ −3）。',
    category: 'emotion',
    points: -2,
    when: { op: 'emotion', speaker: 'customer', atMost: -3, window: { lastTurns: 2 } },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好'],
            ['customer', '停电了'],
            ['agent', '等通知吧'],
            ['customer', '你们就是糊弄人，我要投诉！'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好'],
            ['customer', '停电了'],
            ['agent', '预计三点前恢复'],
            ['customer', '好的，谢谢'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.escalation_threat_not_handled',
    name: '客户扬言越级投诉未致歉',
    description: '客户提到曝光、找媒体、12398、市长热线、找领导或上级部门等越级诉求，坐席全程未致歉。',
    category: 'emotion',
    points: -3,
    when: {
      all: [
        {
          any: [
            { op: 'keyword', words: ['曝光', '找媒体', '市长热线', '找你们领导', '上级部门'], speaker: 'customer' },
            // The hotlines as whole numbers: 12345 inside a phone number (13912345678) is no threat.
            { op: 'regex', pattern: '(?<![0-9])(12398|12345)(?![0-9])', speaker: 'customer' },
          ],
        },
        { not: { op: 'keyword', words: ['抱歉', '对不起', '不便'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '再不来电我就打12398，找媒体曝光！'],
            ['agent', '这个我们也在处理。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '再不来电我就打12398，找媒体曝光！'],
            ['agent', '非常抱歉，我马上为您加急催办。'],
          ],
        },
        {
          turns: [
            ['customer', '我的电话是13912345678，停电两个小时了。'],
            ['agent', '好的，已为您登记。'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.agent_negative_emotion',
    name: '坐席流露负面情绪',
    description: '坐席自身话语情感分 ≤ −3（抱怨、不耐烦、无语）。',
    category: 'emotion',
    points: -3,
    when: { op: 'emotion', speaker: 'agent', atMost: -3 },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '怎么还没来电'],
            ['agent', '我也烦死了，无语。'],
          ],
        },
        // The agent's own exasperation still counts when a hotline is named beside it.
        {
          turns: [
            ['customer', '再不来电我就打12398！'],
            ['agent', '我也受不了了，你爱打12398就打吧。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '怎么还没来电'],
            ['agent', '好的，请您稍等，我帮您查询。'],
          ],
        },
        // Telling the customer the regulator's hotline, or registering their complaint, is the
        // norms at work: a caller's threat words weigh nothing in an agent's turn.
        {
          turns: [
            ['customer', '这个处理结果我不认可。'],
            ['agent', '如对处理结果有异议，您可以拨打12398能源监管热线反映。'],
          ],
        },
        {
          turns: [
            ['customer', '我要投诉你们！'],
            ['agent', '非常抱歉，我马上为您登记投诉工单。'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.long_outage_no_empathy',
    name: '长时间停电未表示理解',
    description: '客户说明已停电数小时或数天，坐席全程没有致歉或表示理解。',
    category: 'emotion',
    points: -2,
    when: {
      all: [
        { op: 'regex', pattern: '停了[^，。？！]{0,4}(天|小时|钟头)', speaker: 'customer' },
        { not: { op: 'keyword', words: ['抱歉', '理解', '不便', '对不起'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家都停了两天了'],
            ['agent', '请问地址？'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家都停了两天了'],
            ['agent', '非常抱歉给您带来不便，请问地址？'],
          ],
        },
      ],
    },
  },
  {
    id: 'emotion.excellent_soothing',
    name: '优秀安抚（加分）',
    description: '客户曾明显不满，坐席一轮内安抚，通话结束时客户表示感谢。',
    category: 'emotion',
    points: 3,
    when: {
      all: [
        { op: 'emotion', speaker: 'customer', atMost: -3 },
        { not: { op: 'angryNotSoothed', atMost: -3, soothing: SOOTHING, withinTurns: 1 } },
        { op: 'keyword', words: ['谢谢', '感谢', '辛苦了', '满意'], speaker: 'customer', window: { lastTurns: 2 } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '都停了一天了，你们太过分了！'],
            ['agent', '非常理解您的心情，给您带来不便非常抱歉，我马上加急处理。'],
            ['customer', '好吧，谢谢你。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '都停了一天了，你们太过分了！'],
            ['agent', '请问户号？'],
            ['customer', '3301，谢谢'],
          ],
        },
      ],
    },
  },
];
