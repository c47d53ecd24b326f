/** 服务禁语: abusive, shirking, impatient and dismissive language from the agent. */
import type { QaRule } from '../../rule-language.js';

export const forbiddenRules: QaRule[] = [
  {
    id: 'forbidden.abusive',
    name: '辱骂顶撞客户',
    description: '坐席使用辱骂、挑衅、顶撞客户的语言，一票否决。',
    category: 'forbidden',
    points: -20,
    veto: true,
    when: {
      op: 'keyword',
      words: ['有本事你去告', '爱投诉就投诉', '你去投诉吧', '神经病', '有病吧', '滚蛋', '你算老几', '随便你告'],
      speaker: 'agent',
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我要投诉你！'],
            ['agent', '爱投诉就投诉，随便。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我要投诉你！'],
            ['agent', '非常抱歉，我为您登记。'],
          ],
        },
      ],
    },
  },
  {
    id: 'forbidden.shirking',
    name: '推诿搪塞',
    description: '坐席使用“不归我们管”“你自己去查”“找别人去”“不关我的事”等推诿用语（95598 服务禁语）。',
    category: 'forbidden',
    points: -5,
    when: {
      op: 'keyword',
      words: [
        '不归我们管',
        '不归我管',
        '你自己去查',
        '您自己去查',
        '自己上网查',
        '有意见找领导',
        '不关我的事',
        '不关我们的事',
        '你问我我问谁',
        '找别人去',
        '跟我说没用',
        '这事我管不了',
        '不是我们的事',
      ],
      speaker: 'agent',
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '门口电线杆倒了'],
            ['agent', '这个不归我们管。'],
          ],
        },
        {
          turns: [
            ['customer', '在哪里能看到停电通知'],
            ['agent', '你自己去查吧。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '门口电线杆倒了'],
            ['agent', '好的，我马上为您登记抢修。'],
          ],
        },
      ],
    },
  },
  {
    id: 'forbidden.impatient',
    name: '不耐烦用语',
    description: '坐席使用“我不是说了吗”“听不懂吗”“你怎么这么麻烦”等不耐烦用语（95598 服务禁语）。',
    category: 'forbidden',
    points: -5,
    when: {
      op: 'keyword',
      words: [
        '我不是说了吗',
        '不是跟你说了',
        '急什么',
        '烦不烦',
        '说了多少遍',
        '听不懂吗',
        '你听不懂',
        '怎么这么麻烦',
        '你烦不烦',
        '你听清楚',
        '快点说',
        '少啰嗦',
      ],
      speaker: 'agent',
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '那到底什么时候来电？'],
            ['agent', '我不是说了吗，等通知！'],
          ],
        },
        {
          turns: [
            ['customer', '那我再问一下电价'],
            ['agent', '你怎么这么麻烦，听不懂吗？'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '那到底什么时候来电？'],
            ['agent', '预计下午三点前恢复供电。'],
          ],
        },
      ],
    },
  },
  {
    id: 'forbidden.dismissive',
    name: '消极应付用语',
    description:
      '坐席以“我不知道”“不清楚”“我也没办法”“这是规定”回绝客户（95598 服务禁语，应改说“我帮您核实一下”）。说明进展的“还不知道具体时间”不算。',
    category: 'forbidden',
    points: -3,
    when: {
      any: [
        {
          op: 'keyword',
          words: ['这是规定', '规定就是这样', '爱等不等', '你自己看着办', '我也没办法', '我们也没办法'],
          speaker: 'agent',
        },
        {
          // The refusal has a subject ("我不知道", "这个不清楚"); "还不知道具体时间" reports progress.
          op: 'regex',
          pattern: '(我|我们|这个|那个|这事|这)(也|都|真|确实|可)?(不知道|不清楚|没办法)',
          speaker: 'agent',
        },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '什么时候能来电？'],
            ['agent', '这个我不知道，没办法。'],
          ],
        },
        {
          note: '禁语后面补一句办理也不抵消',
          turns: [
            ['customer', '为什么突然停电？'],
            ['agent', '这个我们也没办法，已经帮您催办了。'],
          ],
        },
        {
          turns: [
            ['customer', '电费怎么算的？'],
            ['agent', '这是规定，我也不清楚。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '什么时候能来电？'],
            ['agent', '具体时间还不知道，我帮您催办，有结果第一时间短信通知您。'],
          ],
        },
        {
          turns: [
            ['customer', '什么时候能来电？'],
            ['agent', '预计今晚八点前。'],
          ],
        },
      ],
    },
  },
  {
    id: 'forbidden.blaming_customer',
    name: '指责客户',
    description: '坐席把问题归咎于客户（“你自己没看通知”“谁让你不交电费”）。',
    category: 'forbidden',
    points: -5,
    when: { op: 'regex', pattern: '(你|您)自己(没|不)(看|注意|交|缴)|谁让你|怪你自己|你自己的问题', speaker: 'agent' },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '怎么突然停电了'],
            ['agent', '谁让你不按时交电费。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '怎么突然停电了'],
            ['agent', '系统显示您有欠费，缴清后24小时内恢复供电。'],
          ],
        },
      ],
    },
  },
  {
    id: 'forbidden.slang',
    name: '使用不文明口语',
    description: '坐席使用“搞啥”“咋整”“啥玩意”等不规范口语或粗俗语。',
    category: 'forbidden',
    points: -2,
    when: { op: 'keyword', words: ['搞啥', '咋整', '啥玩意', '瞎说', '扯淡', '靠'], speaker: 'agent', wholeWord: true },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家电表一直在转'],
            ['agent', '啥玩意，电表转正常啊。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家电表一直在转'],
            ['agent', '电表转动是正常计量，请问您家是否有电器在运行？'],
          ],
        },
        {
          note: '“靠近”不是粗口：整词匹配',
          turns: [
            ['customer', '变压器在哪'],
            ['agent', '在小区靠近东门的位置。'],
          ],
        },
      ],
    },
  },
];
