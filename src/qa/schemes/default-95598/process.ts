/** 流程规范: identity check, hold notices, transfers, complaint acceptance, confirmation, privacy. */
import type { QaRule } from '../../rule-language.js';
import { ACCOUNT_DETAILS, customerTurns, HOLD_NOTICE, IDENTITY_CHECK, TRANSFER, TRANSFER_REASON } from './phrases.js';

export const processRules: QaRule[] = [
  {
    id: 'process.account_before_identity',
    name: '未核实身份即告知账户信息',
    description:
      '坐席在核实客户身份（询问户号、户主姓名、身份证后四位等）之前，报出户号、户名、用电地址或电费、欠费、电量等账户信息。',
    category: 'process',
    points: -5,
    when: { all: [ACCOUNT_DETAILS, { not: { op: 'order', first: IDENTITY_CHECK, second: ACCOUNT_DETAILS } }] },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '帮我查下电费'],
            ['agent', '您上月电费是128.5元。'],
          ],
        },
        {
          note: '未核实先报出户号和户名',
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '我家停电了'],
            ['agent', '我这边看到您的户号7300001234，户名是王建国。'],
          ],
        },
        {
          note: '核实在报出之后，不算先核实',
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '我家欠费了吗'],
            ['agent', '您的用电地址是幸福路12号，欠费金额86元。'],
            ['agent', '请提供一下户主姓名。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '帮我查下电费'],
            ['agent', '请您提供一下户号和户名。'],
            ['customer', '3301，张三'],
            ['agent', '您上月电费是128.5元。'],
          ],
        },
        {
          note: '先请客户报户号，核实后再读出户名',
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '查下欠费'],
            ['agent', '麻烦提供一下户号，户号是多少？'],
            ['customer', '户号是7300001234'],
            ['agent', '好的，核实无误，户名是王建国，欠费金额86元。'],
          ],
        },
        {
          note: '询问地址不是报出地址',
          turns: [
            ['customer', '我家停电了'],
            ['agent', '请问故障地址是在哪里？'],
          ],
        },
        {
          note: '没有报出账户数据就无需核实',
          turns: [
            ['agent', '您好，请讲。'],
            ['customer', '你们营业厅几点下班'],
            ['agent', '下午五点半。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.silence_without_hold',
    name: '静音超时未提示等待',
    description: '通话中出现超过 20 秒的静音，且静音前两轮内坐席没有“请您稍等”等等待提示。',
    category: 'process',
    points: -3,
    when: { op: 'silence', minSeconds: 20, holdNotice: HOLD_NOTICE },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '查一下电费', 3, 5],
            ['agent', '好的。', 6, 7],
            ['agent', '查到了，是85元。', 35, 38],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '查一下电费', 3, 5],
            ['agent', '好的，请您稍等。', 6, 8],
            ['agent', '让您久等了，是85元。', 35, 38],
          ],
        },
        {
          turns: [
            ['agent', '您好，请讲。', 0, 2],
            ['customer', '查一下电费', 3, 5],
            ['agent', '好的，是85元。', 7, 9],
          ],
        },
      ],
    },
  },
  {
    id: 'process.hold_too_long',
    name: '等待时间过长',
    description: '即使提示了等待，单次静音超过 60 秒，且事后没有“感谢您的耐心等待”“让您久等了”。',
    category: 'process',
    points: -2,
    when: {
      all: [
        { op: 'silence', minSeconds: 60 },
        { not: { op: 'keyword', words: ['耐心等待', '久等了'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['agent', '请您稍等。', 0, 2],
            ['agent', '是85元。', 70, 72],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['agent', '请您稍等。', 0, 2],
            ['agent', '让您久等了，是85元。', 70, 73],
          ],
        },
        {
          turns: [
            ['agent', '请您稍等。', 0, 2],
            ['agent', '是85元。', 30, 32],
          ],
        },
      ],
    },
  },
  {
    id: 'process.transfer_without_explanation',
    name: '转接未说明原因',
    description: '坐席转接电话时，同一句话中没有说明转接原因（如“需要专业部门处理”）或去向。',
    category: 'process',
    points: -3,
    when: { all: [TRANSFER, { not: { op: 'near', a: TRANSFER, b: TRANSFER_REASON, maxTurns: 0 } }] },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我想问分布式光伏并网'],
            ['agent', '我给您转接一下。'],
          ],
        },
        {
          note: '只说“转一下”，不说原因和去向',
          turns: [
            ['customer', '能找懂技术的人吗'],
            ['agent', '转一下。'],
            ['system', '[转接至计量中心]'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我想问分布式光伏并网'],
            ['agent', '光伏并网有专门的业务专席负责，我为您转接过去，请您稍等。'],
          ],
        },
        {
          turns: [
            ['customer', '电费多少'],
            ['agent', '您好，是85元。'],
          ],
        },
        {
          note: '转达表扬不是转接电话',
          turns: [
            ['customer', '我想表扬抢修师傅'],
            ['agent', '谢谢您的肯定，我这边登记表扬，转给他所在的单位。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.complaint_not_accepted',
    name: '客户要求投诉未受理',
    description: '客户明确提出投诉，坐席没有“受理”“登记”“记录”“反馈”等受理用语。',
    category: 'process',
    points: -5,
    when: {
      all: [
        { op: 'keyword', words: ['我要投诉', '我投诉', '投诉你们', '要投诉'], speaker: 'customer' },
        { not: { op: 'keyword', words: ['受理', '登记', '记录', '反馈', '工单'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '停了三天了，我要投诉！'],
            ['agent', '这个是线路问题，我们也没办法。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '停了三天了，我要投诉！'],
            ['agent', '非常抱歉，我马上为您登记投诉工单，并反馈给供电所。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.no_confirmation',
    name: '未复述确认客户诉求',
    description: '客户说了三轮以上，坐席始终没有复述或确认诉求（“跟您确认一下”“您反映的是”）。',
    category: 'process',
    points: -2,
    when: {
      all: [
        customerTurns(3),
        {
          not: {
            op: 'keyword',
            words: ['您是说', '您反映的是', '确认一下', '您的意思是', '跟您核实', '我复述一下', '您看对吗'],
            speaker: 'agent',
          },
        },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '地址？'],
            ['customer', '幸福路12号'],
            ['agent', '好的'],
            ['customer', '快点来'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '地址？'],
            ['customer', '幸福路12号'],
            ['agent', '跟您确认一下，幸福路12号全户停电，对吗？'],
            ['customer', '对'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.repair_address_not_asked',
    name: '故障报修未询问地址',
    description: '客户报停电故障，坐席没有询问或核对故障地址。',
    category: 'process',
    points: -3,
    when: {
      all: [
        { op: 'keyword', words: ['停电', '没电', '断电', '跳闸'], speaker: 'customer' },
        {
          not: { op: 'keyword', words: ['地址', '在哪', '具体位置', '哪个小区', '门牌', '什么位置'], speaker: 'agent' },
        },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '好的，我们尽快安排抢修。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '我家停电了'],
            ['agent', '请问您的详细地址是？'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.no_follow_up_told',
    name: '受理后未告知后续处理',
    description: '坐席登记工单后，没有告知客户后续回访或联系安排。',
    category: 'process',
    points: -2,
    when: {
      all: [
        { op: 'keyword', words: ['为您登记', '已为您记录', '为您提交', '为您派单', '给您登记'], speaker: 'agent' },
        { not: { op: 'keyword', words: ['回访', '联系您', '回复您', '短信通知', '给您回电'], speaker: 'agent' } },
      ],
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '路灯不亮'],
            ['agent', '好的，已为您记录。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '路灯不亮'],
            ['agent', '好的，已为您记录，工作人员会在24小时内联系您。'],
          ],
        },
      ],
    },
  },
  {
    id: 'process.wrong_referral',
    name: '推诿让客户另打电话',
    description: '坐席让客户自行拨打其他电话，而不是按首问负责制受理或转办。',
    category: 'process',
    points: -3,
    when: {
      op: 'regex',
      pattern: '(你|您)(自己)?(去|再)?打(一下)?(12345|110|市长热线|供电所的电话|别的电话|其他电话)',
      speaker: 'agent',
    },
    examples: {
      hit: [
        {
          turns: [
            ['customer', '电线杆歪了'],
            ['agent', '这个您自己打供电所的电话问吧。'],
          ],
        },
      ],
      miss: [
        {
          turns: [
            ['customer', '电线杆歪了'],
            ['agent', '我马上为您登记，转供电所处理。'],
          ],
        },
      ],
    },
  },
];
