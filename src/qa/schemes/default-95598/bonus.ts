/** Excellent-service bonuses (positive points), in the category of the behaviour they reward. */
import type { QaRule } from '../../rule-language.js';

export const bonusRules: QaRule[] = [
  {
    id: 'etiquette.addresses_customer_by_surname',
    name: '使用姓氏尊称（加分）',
    description: '坐席以“张先生”“李女士”等姓氏尊称称呼客户。',
    category: 'etiquette',
    points: 1,
    when: { op: 'regex', pattern: '[\\u4e00-\\u9fa5](先生|女士|师傅|阿姨)', speaker: 'agent' },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我姓王'],
            ['agent', '好的王先生，请您稍等。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我姓王'],
            ['agent', '好的，请您稍等。'],
          ],
        },
      ],
    },
  },
  {
    id: 'etiquette.customer_praise',
    name: '客户当场表扬（加分）',
    description: '客户在通话中表扬坐席的服务或态度。',
    category: 'etiquette',
    points: 2,
    when: {
      op: 'keyword',
      words: ['服务很好', '态度很好', '服务真好', '态度真好', '表扬你', '你真耐心', '太专业了'],
      speaker: 'customer',
    },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '已为您办理好了。'],
            ['customer', '你服务很好，谢谢！'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '已为您办理好了。'],
            ['customer', '行吧。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.proactive_reminder',
    name: '主动温馨提示（加分）',
    description: '坐席主动提示用电安全、缴费渠道或停电注意事项。',
    category: 'process',
    points: 1,
    when: { op: 'keyword', words: ['温馨提示', '提醒您', '建议您', '网上国网'], speaker: 'agent' },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '电费交了'],
            ['agent', '好的，温馨提示您可以在网上国网开通自动缴费。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '电费交了'],
            ['agent', '好的。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.proactive_progress_notice',
    name: '主动告知进度通知方式（加分）',
    description: '坐席主动说明处理进度会通过短信或回电告知。',
    category: 'process',
    points: 1,
    when: {
      op: 'near',
      a: { op: 'keyword', words: ['短信', '回电', '回访'], speaker: 'agent' },
      b: { op: 'keyword', words: ['进度', '结果', '处理情况'], speaker: 'agent' },
      maxChars: 12,
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '好的'],
            ['agent', '处理结果我们会短信通知您。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '好的'],
            ['agent', '好的，再见。'],
          ],
        },
        {
          note: '两词相距太远',
          turns: [
            ['customer', '好的'],
            ['agent', '短信验证码已发送，请您查收，稍后我们还会跟进您反映问题的处理结果。'],
          ],
        },
      ],
    },
  },
];
