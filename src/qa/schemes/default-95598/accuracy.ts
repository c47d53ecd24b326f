/**
 * 业务准确: answers that follow the 95598 service norms. Repair arrival commitments follow
 * the State Grid supply-service norm (城区 45 分钟、农村 90 分钟、特别边远地区 2 小时到达现场).
 */
import type { QaRule } from '../../rule-language.js';
import { OUTAGE_REPORT } from './phrases.js';

/**
 * A time limit ("45分钟内到达") or, when the crew is already at work, the expected restoration
 * time ("预计18:30前恢复供电"), which the norm also asks the agent to give.
 */
const TIME_COMMITMENT = {
  op: 'regex',
  pattern:
    '(\\d+|[一二两三四五六七八九十半]+)个?(小时|分钟)[之以]?内?.{0,6}(到达|到场|赶到|上门|联系您|恢复)|预计\\s*\\d{1,2}[:：点]\\d{0,2}分?\\s*(前|以前|之前|左右)?.{0,4}(恢复|来电|送电|到达)',
  speaker: 'agent',
} as const;

export const accuracyRules: QaRule[] = [
  {
    id: 'accuracy.repair_no_time_commitment',
    name: '故障报修未告知到达时限',
    description: '客户报停电，坐席受理抢修却未按服务规范告知抢修人员到达时限。',
    category: 'accuracy',
    points: -3,
    when: {
      all: [
        OUTAGE_REPORT,
        { op: 'keyword', words: ['抢修', '报修', '派单', '安排人员'], speaker: 'agent' },
        { not: TIME_COMMITMENT },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '好的，已为您派单抢修，请耐心等待。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '已为您派单抢修，抢修人员会在45分钟内到达现场。'],
          ],
        },
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '已安排人员抢修，预计两个小时内恢复供电。'],
          ],
        },
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '抢修人员已经在处理，预计18:30前恢复供电。'],
          ],
        },
      ],
    },
  },
  {
    id: 'accuracy.repair_norm_exceeded',
    name: '承诺到达时限超出规范',
    description: '坐席告知的抢修到达时间超出规范（如“24小时内上门”）。',
    category: 'accuracy',
    points: -3,
    when: {
      all: [
        OUTAGE_REPORT,
        {
          op: 'regex',
          pattern: '(24|48|72|十二|二十四|12)\\s*个?小时[之以]?内?.{0,4}(到达|到场|上门|赶到)',
          speaker: 'agent',
        },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家没电了'],
            ['agent', '抢修人员24小时内上门。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家没电了'],
            ['agent', '抢修人员45分钟内到达现场。'],
          ],
        },
      ],
    },
  },
  {
    id: 'accuracy.overpromise',
    name: '做出无法兑现的承诺',
    description: '坐席保证“马上来电”“绝对不会再停”等无法兑现的承诺。',
    category: 'accuracy',
    points: -3,
    when: {
      op: 'regex',
      pattern:
        '(保证|肯定|绝对|一定)[^，。？！]{0,4}(马上|立刻|立即)(就)?(来电|恢复|到|修好)|(绝对|保证|肯定)不会再停|百分之百',
      speaker: 'agent',
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '什么时候来电？'],
            ['agent', '我保证马上来电。'],
          ],
        },
        {
          turns: [
            ['customer', '以后还会停吗？'],
            ['agent', '绝对不会再停了。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '什么时候来电？'],
            ['agent', '抢修人员正在处理，预计一小时内恢复供电。'],
          ],
        },
      ],
    },
  },
  {
    id: 'accuracy.vague_answer',
    name: '答复含糊不确定',
    description: '坐席两次及以上使用“应该是吧”“可能吧”“我猜”等含糊答复。',
    category: 'accuracy',
    points: -2,
    when: {
      op: 'keyword',
      words: ['应该是吧', '可能吧', '大概吧', '我猜', '好像是吧', '差不多吧'],
      speaker: 'agent',
      minCount: 2,
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '电价涨了吗'],
            ['agent', '应该是吧'],
            ['customer', '涨多少'],
            ['agent', '大概吧，我猜一毛'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '电价涨了吗'],
            ['agent', '居民电价未调整，仍执行阶梯电价。'],
          ],
        },
      ],
    },
  },
  {
    id: 'accuracy.arrears_restore_not_explained',
    name: '欠费停电未告知复电办法',
    description: '客户因欠费停电来电，坐席未告知缴清电费后的复电方式与时限。',
    category: 'accuracy',
    points: -2,
    when: {
      all: [
        { op: 'keyword', words: ['欠费'], speaker: 'any' },
        OUTAGE_REPORT,
        { not: { op: 'keyword', words: ['缴清', '交清', '缴费后', '交费后', '复电', '恢复供电'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '系统显示您欠费了。'],
            ['customer', '那怎么办'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '系统显示您欠费，缴清后24小时内恢复供电。'],
          ],
        },
      ],
    },
  },
  {
    id: 'accuracy.planned_outage_no_time',
    name: '计划停电未告知时间',
    description: '客户咨询计划停电，坐席未告知具体停电或恢复时间。',
    category: 'accuracy',
    points: -2,
    when: {
      all: [
        { op: 'keyword', words: ['计划停电', '停电通知', '检修停电', '什么时候停电'], speaker: 'customer' },
        { not: { op: 'regex', pattern: '\\d{1,2}\\s*[点:：时]|[一二三四五六七八九十]+点', speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我们小区明天有计划停电吗'],
            ['agent', '有的，请您留意通知。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我们小区明天有计划停电吗'],
            ['agent', '有的，明天8点到17点线路检修停电。'],
          ],
        },
      ],
    },
  },
];
