/** 流程规范 · 隐私: the agent must not read out a full ID or phone number (verify by the last digits). */
import type { QaRule } from '../../rule-language.js';

export const privacyRules: QaRule[] = [
  {
    id: 'process.id_number_read_out',
    name: '完整读出身份证号',
    description: '坐席在通话中完整读出 18 位身份证号，泄露客户隐私。',
    category: 'process',
    points: -5,
    when: { op: 'regex', pattern: '\\d{17}[\\dXx]', speaker: 'agent' },
    examples: {
      hit: [{ turns: [['agent', '您的身份证号是430102198801011234，对吗？']] }],
      miss: [
        {
          turns: [
            ['agent', '请您提供身份证后四位。'],
            ['customer', '1234'],
          ],
        },
        { note: '客户自己报号码不算坐席泄露', turns: [['customer', '我身份证号430102198801011234']] },
      ],
    },
  },
  {
    id: 'process.phone_number_read_out',
    name: '完整读出手机号码',
    description: '坐席完整读出客户 11 位手机号码（应只核对后四位）。',
    category: 'process',
    points: -2,
    when: { op: 'regex', pattern: '(?<!\\d)1[3-9]\\d{9}(?!\\d)', speaker: 'agent' },
    examples: {
      hit: [{ turns: [['agent', '您预留的号码是13812345678吗？']] }],
      miss: [{ turns: [['agent', '您预留号码的后四位是5678吗？']] }],
    },
  },
];
