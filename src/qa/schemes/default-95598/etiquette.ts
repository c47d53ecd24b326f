/** 服务礼仪: greeting, self-introduction, courtesy, closing, interruption, pace. Pace, interruption and
 * answer-delay rules judge phone calls only (`channels`): a chat is typed, its replies wait on typing. */
import type { QaRule } from '../../rule-language.js';
import { CLOSING, GREETING, SELF_INTRO, TRANSFER } from './phrases.js';

export const etiquetteRules: QaRule[] = [
  {
    id: 'etiquette.missing_greeting',
    name: '未使用问候语',
    description: '坐席在通话开始的前两轮内未使用“您好”等标准问候语。',
    category: 'etiquette',
    points: -3,
    when: { not: GREETING },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '喂，95598，什么事？'],
            ['customer', '我家停电了'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，很高兴为您服务，我是3021号客服。'],
            ['customer', '我家停电了'],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.missing_self_intro',
    name: '未自报工号',
    description: '坐席在前三轮内未自报工号（“工号3021”“3021号客服”）。',
    category: 'etiquette',
    points: -2,
    when: { not: SELF_INTRO },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，很高兴为您服务。'],
            ['customer', '我要查电费'],
            ['agent', '好的，请讲。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，工号3021为您服务。'],
            ['customer', '我要查电费'],
          ],
        },
        {
          turns: [
            ['agent', '您好，我是1057号客服代表。'],
            ['customer', '我要查电费'],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.missing_closing',
    name: '未使用结束语',
    description:
      '坐席在最后三轮内未使用“感谢您的来电”“还有什么可以帮您”“再见”等结束语。以转接结束的通话由接续方结束，不要求结束语（转接本身是否说明原因由转接规则检查）。',
    category: 'etiquette',
    points: -2,
    when: { all: [{ not: CLOSING }, { not: { ...TRANSFER, window: { lastTurns: 2 } } }] },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，3021号为您服务。'],
            ['customer', '查下电费'],
            ['agent', '一共85元。'],
            ['customer', '行'],
          ],
        },
        {
          note: '通话中途的转接不免除结束语',
          turns: [
            ['agent', '您好，3021号为您服务。'],
            ['agent', '我先为您转接到计量专席核实读数。'],
            ['agent', '计量专席核实过了，读数正常。'],
            ['customer', '好'],
            ['agent', '行，就这样。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，3021号为您服务。'],
            ['customer', '查下电费'],
            ['agent', '一共85元，请问还有什么可以帮您？'],
            ['customer', '没了'],
          ],
        },
        {
          note: '以转接结束：结束语由接续的坐席或部门说',
          turns: [
            ['agent', '您好，3021号为您服务。'],
            ['customer', '我想问光伏并网的技术问题'],
            ['agent', '光伏并网由专业部门负责，我现在为您转接到光伏专席，请不要挂机。'],
            ['system', '[转接至光伏专席]'],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.interrupting_customer',
    name: '抢话打断客户',
    description: '客户尚未说完，坐席抢先开口，重叠 0.5 秒以上。',
    category: 'etiquette',
    points: -2,
    channels: ['phone_95598'],
    when: { op: 'interruption', by: 'agent', minOverlapMs: 500 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '我家从昨天晚上开始就一直停电，到现在还没来', 3, 12],
            ['agent', '您的户号是多少？', 10, 13],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '我家停电了', 3, 5],
            ['agent', '您的户号是多少？', 5.8, 8],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.repeated_interrupting',
    name: '多次打断客户',
    description: '同一通话中坐席打断客户三次及以上（在单次打断扣分之外加扣）。',
    category: 'etiquette',
    points: -3,
    channels: ['phone_95598'],
    when: { op: 'interruption', by: 'agent', minOverlapMs: 500, minCount: 3 },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我想问一下这个电费怎么', 0, 4],
            ['agent', '户号多少', 3, 5],
            ['customer', '户号我看看在哪里写着', 5.5, 9],
            ['agent', '账单上有', 8, 10],
            ['customer', '找到了是三三零一二', 10.5, 14],
            ['agent', '好的稍等', 13, 15],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我想问一下电费', 0, 3],
            ['agent', '户号多少', 2, 4],
            ['customer', '三三零一二', 4.5, 6],
            ['agent', '好的', 6.5, 7],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.speech_too_fast',
    name: '语速过快',
    description: '坐席平均语速超过每秒 6.5 字（标准约 4–5 字/秒），客户难以听清。',
    category: 'etiquette',
    points: -1,
    channels: ['phone_95598'],
    when: { op: 'speechRate', speaker: 'agent', above: 6.5 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好很高兴为您服务请问有什么可以帮您的吗', 0, 2.5],
            ['customer', '停电了', 3, 4],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好很高兴为您服务请问有什么可以帮您的吗', 0, 4.5],
            ['customer', '停电了', 5, 6],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.speech_too_slow',
    name: '语速过慢',
    description: '坐席平均语速低于每秒 2 字，拖沓影响效率。',
    category: 'etiquette',
    points: -1,
    channels: ['phone_95598'],
    when: { op: 'speechRate', speaker: 'agent', below: 2 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好很高兴为您服务请问有什么可以帮您', 0, 12],
            ['customer', '停电了', 13, 14],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好很高兴为您服务请问有什么可以帮您', 0, 4],
            ['customer', '停电了', 5, 6],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.slow_response',
    name: '应答不及时',
    description: '客户说完后坐席超过 5 秒才回应，且不是在查询等待中（多次计）。',
    category: 'etiquette',
    points: -1,
    channels: ['phone_95598'],
    when: { op: 'responseDelay', minSeconds: 5 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '我家停电了', 3, 5],
            ['agent', '好的。', 12, 13],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '我家停电了', 3, 5],
            ['agent', '好的。', 6, 7],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.late_answer',
    name: '接通后未及时应答',
    description: '通话接通后 5 秒内坐席没有开口。',
    category: 'etiquette',
    points: -1,
    channels: ['phone_95598'],
    when: { not: { op: 'regex', pattern: '^.', speaker: 'agent', window: { firstSeconds: 5 } } },
    examples: {
      hit: [
        {
          turns: [
            ['system', '（接通）', 0, 0.5],
            ['customer', '喂？有人吗？', 3, 5],
            ['agent', '您好，请讲。', 8, 10],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['system', '（接通）', 0, 0.5],
            ['agent', '您好，请讲。', 1, 3],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.no_honorific',
    name: '未使用敬语“您”',
    description: '坐席三次及以上以“你”称呼客户（“你好”除外）。',
    category: 'etiquette',
    points: -1,
    when: { op: 'regex', pattern: '你(?!好)', speaker: 'agent', minCount: 3 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '你说一下户号。'],
            ['customer', '三三零一'],
            ['agent', '你家地址在哪？你稍等。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '你好，您说一下户号。'],
            ['customer', '三三零一'],
            ['agent', '您家地址在哪？您稍等。'],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.filler_words',
    name: '口头禅过多',
    description: '坐席使用“嗯嗯”“那个那个”“呃”等口头禅五次及以上。',
    category: 'etiquette',
    points: -1,
    when: { op: 'keyword', words: ['嗯嗯', '那个那个', '呃', '就是说'], speaker: 'agent', minCount: 5 },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '呃，您好，呃，那个那个，您说。'],
            ['customer', '查电费'],
            ['agent', '嗯嗯，呃，就是说，您稍等。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '查电费'],
            ['agent', '嗯嗯，您稍等。'],
          ],
        },
      ],
    },
  },
];
