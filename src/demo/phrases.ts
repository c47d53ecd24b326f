/**
 * Wording banks for calls and chats: several phrasings per intent so no two transcripts read
 * alike. `{x}` slots are filled from the call's context. Compliant agent lines never contain a
 * forbidden phrase, a hold phrase or a closing phrase (qa-violations.ts) outside their slot.
 */
export type Intent =
  | 'outage_report'
  | 'outage_slow'
  | 'planned_no_notice'
  | 'outage_schedule'
  | 'bill_query'
  | 'tariff_complaint'
  | 'arrears_disconnection'
  | 'disconnected_no_notice'
  | 'meter_query'
  | 'new_connection'
  | 'payment_channel'
  | 'service_attitude'
  | 'power_quality'
  | 'time_of_use'
  | 'electrification'
  | 'praise'
  | 'theft_report';

/** Intents whose answer reads out the customer's account, so identity is checked first. */
export const ACCOUNT_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'outage_report',
  'outage_slow',
  'planned_no_notice',
  'bill_query',
  'tariff_complaint',
  'arrears_disconnection',
  'disconnected_no_notice',
  'meter_query',
]);

export const CUSTOMER_OPENING: Record<Intent, readonly string[]> = {
  outage_report: [
    '我家停电了，整栋楼都没电，什么时候能来电啊？',
    '我们{area}这边突然停电了，是怎么回事？',
    '家里没电了，邻居家也没有，是不是线路出问题了？',
    '停电了，冰箱里还有东西，大概多久能恢复？',
  ],
  outage_slow: [
    '停电都{hours}个小时了还没来电，抢修的人到底来了没有？',
    '上午就报修了，到现在还是没电，你们效率也太低了吧。',
    '我们这边停了{hours}个钟头了，老人小孩都在家，热得不行。',
  ],
  planned_no_notice: [
    '今天突然停电，也没收到任何通知，计划停电不用提前说的吗？',
    '停电之前怎么一条短信都没有？我店里的东西全坏了。',
    '你们检修停电都不通知的吗？我什么都没准备。',
  ],
  outage_schedule: [
    '我想问一下我们{area}最近有没有检修计划？家里老人用着制氧机，得提前准备。',
    '我们店里有冷库，想问问这个月线路有没有检修安排。',
    '以后你们线路检修之前，能不能提前打个电话告诉我？我登记一下。',
  ],
  bill_query: [
    '我这个月电费怎么这么高啊，比上个月多了好多。',
    '想查一下上个月的电费，感觉不太对。',
    '帮我看看电费是怎么算的，怎么一下子要{amount}块？',
  ],
  tariff_complaint: [
    '你们这个阶梯电价太不合理了，用多一点就贵那么多。',
    '电费年年涨，我们老百姓负担太重了，我要反映一下。',
    '我觉得电费算错了，我家就两个人，不可能用这么多电。',
  ],
  arrears_disconnection: [
    '我家被停电了，说是欠费，我已经交了钱怎么还没来电？',
    '钱都交了好几个小时了，电还是没恢复。',
    '交完电费多久能来电啊？家里等着用呢。',
  ],
  disconnected_no_notice: [
    '你们怎么一声不吭就把我家电停了？一条短信都没收到！',
    '停电之前没有任何通知，说停就停，这合理吗？',
    '欠费停电总要提前通知吧，我根本不知道欠费了。',
  ],
  meter_query: [
    '我怀疑电表走得太快了，想申请校验一下。',
    '电表好像有问题，没开什么电器它也在走。',
    '这个月读数跳得很厉害，是不是表坏了？',
  ],
  new_connection: [
    '我新房子想装个电表，要怎么办理？',
    '请问新装用电需要带什么材料？',
    '我们厂子要增容，流程是怎样的？',
  ],
  payment_channel: [
    '请问现在可以在哪里交电费，微信可以吗？',
    '我不会用手机，交电费只能去营业厅吗？',
    '能不能办个银行代扣，每个月自动扣？',
  ],
  service_attitude: [
    '你们营业厅那个工作人员态度太差了，我要反映一下。',
    '上次来抢修的师傅说话很冲，一点都不耐烦。',
    '打了好几次电话都说不清楚，你们服务态度有问题。',
  ],
  power_quality: [
    '我家电压老是不稳，灯一闪一闪的，空调都开不起来。',
    '晚上一到用电高峰电压就低，热水器都烧不热。',
    '电压忽高忽低，已经烧坏了一个电饭煲了。',
  ],
  time_of_use: [
    '我想问一下峰谷电怎么申请，晚上用电能便宜点吗？',
    '峰谷电价是怎么划分时段的？',
    '听说有分时电价，我家适不适合办？',
  ],
  electrification: [
    '我们店想把燃气灶换成电磁灶，有没有什么优惠政策？',
    '想装个充电桩，需要怎么报装？',
    '农村这边电采暖有没有补贴？',
  ],
  praise: [
    '我想表扬一下你们的抢修师傅，半夜还来帮我们修好了。',
    '你们网格经理服务特别好，我专门打电话来表扬。',
    '上次那个师傅很负责，帮了我大忙，谢谢你们。',
  ],
  theft_report: ['我想举报一下，隔壁好像在偷电，线拉得乱七八糟的。', '我们楼下那家店好像私拉电线，有安全隐患。'],
};

/** What the agent restates when confirming the request (复述确认), per intent. */
export const REQUEST_GIST: Record<Intent, string> = {
  outage_report: '家里停电需要抢修',
  outage_slow: '报修以后一直没有来电',
  planned_no_notice: '停电前没有收到通知',
  outage_schedule: '想提前了解检修安排',
  bill_query: '本月电费比平时高',
  tariff_complaint: '对电价标准有意见',
  arrears_disconnection: '缴费以后还没有复电',
  disconnected_no_notice: '停电前没有接到催费通知',
  meter_query: '电表计量可能不准',
  new_connection: '想办理新装用电',
  payment_channel: '缴费渠道的问题',
  service_attitude: '对工作人员的服务态度有意见',
  power_quality: '家里电压不稳',
  time_of_use: '想办理峰谷电价',
  electrification: '想了解电能替代',
  praise: '想表扬我们的工作人员',
  theft_report: '发现有人私拉电线',
};
export const CONFIRM_REQUEST = [
  '跟您确认一下，您反映的是{request}，对吗？',
  '好的，您反映的是{request}，我理解得对吗？',
  '我跟您确认一下，您是{request}，是这样吧？',
] as const;
export const CONFIRM_YES = ['对，是的。', '对。', '嗯，没错。', '是这样。'] as const;
/** Intents in which the customer reports being without power: the agent asks where. */
export const ADDRESS_INTENTS: ReadonlySet<Intent> = new Set(
  (Object.keys(CUSTOMER_OPENING) as Intent[]).filter((intent) =>
    CUSTOMER_OPENING[intent].some((line) => /停电|没电|断电|跳闸/.test(line)),
  ),
);
export const ASK_ADDRESS = ['请问停电的具体地址是哪里？', '请问您那边的具体地址是？'] as const;
export const GIVE_ADDRESS = ['在{area}这边。', '就是{area}，我家这一片。'] as const;

export const CUSTOMER_FOLLOW_UP: readonly string[] = [
  '那大概要多久？',
  '好的，那我等等看。',
  '能不能快一点啊？',
  '行吧，那你们尽快处理。',
  '那我需要做什么吗？',
  '嗯，知道了。',
];

export const AGENT_ANSWER: Record<Intent, readonly string[]> = {
  outage_report: [
    '经查询，您所在的{area}因{cause}停电，抢修人员已经在处理，预计{eta}前恢复供电。',
    '这边看到{area}有故障停电，已经派了抢修人员，预计{eta}左右来电。',
  ],
  outage_slow: [
    '实在抱歉，抢修人员正在现场处理{cause}，我这边马上催办，预计{eta}恢复。',
    '已经帮您加急催办了，现场是{cause}，处理完会第一时间恢复供电。',
  ],
  planned_no_notice: [
    '经查询，今天是{area}的计划检修停电，公告在{notice}发布过，预计{eta}恢复。',
    '这次是线路计划检修，停电信息已经公告，我帮您反馈通知没收到的情况。',
  ],
  outage_schedule: [
    '经查询，{area}近期暂无检修安排，如有计划检修，我们会提前7天短信告知您。',
    '我这边帮您登记了检修提前告知，以后您那片有检修安排会提前7天联系您。',
  ],
  bill_query: [
    '您上月电费{amount}元，用电量比上月多，主要是天气原因空调用得多，阶梯电价也上了一档。',
    '上月电费{amount}元，我帮您看了读数是正常的，夏季用电多进入了第二档。',
  ],
  tariff_complaint: [
    '阶梯电价是按照省发改委的文件执行的，您的意见我这边记录下来反馈给相关部门。',
    '您的电费{amount}元是按居民阶梯电价计算的，我把您的诉求登记一下，安排工作人员跟您联系。',
  ],
  arrears_disconnection: [
    '已经查到您的缴费记录，复电指令已经下发，一般24小时内恢复，我帮您催一下。',
    '缴费已经到账了，系统会自动复电，我这边再帮您加急处理。',
  ],
  disconnected_no_notice: [
    '欠费金额是{amount}元，我这边登记您没有收到通知的情况，安排核实。',
    '我这边看到欠费金额{amount}元，通知发送情况我帮您核实，缴费后会尽快复电。',
  ],
  meter_query: [
    '可以帮您申请电能表校验，5个工作日内会有工作人员联系您。',
    '我先帮您登记计量异常核实，工作人员会在5个工作日内答复。',
  ],
  new_connection: [
    '居民新装可以在网上国网APP上直接申请，带上身份证和房产证明就可以。',
    '您可以通过网上国网或者到营业厅办理，低压居民报装5个工作日内完成。',
  ],
  payment_channel: [
    '可以通过网上国网APP、微信、支付宝缴费，也可以去营业厅或者银行代收网点。',
    '可以办理银行代扣，带上银行卡和户号到营业厅签个协议就行。',
  ],
  service_attitude: [
    '您反映的情况我这边详细记录了，会转交相关单位核实处理，1个工作日内联系您。',
    '对于您反映的问题，我们会认真核查，核实后会给您一个答复。',
  ],
  power_quality: [
    '我这边给您登记电压异常，安排工作人员到现场检测。',
    '已经帮您派单，供电所会安排人员去测量电压，处理完会回复您。',
  ],
  time_of_use: [
    '峰谷分时电价可以在网上国网APP申请，晚上十点到第二天早上八点是谷段，电价更低。',
    '谷段是夜间时段，如果您家晚上用电比较多，办理峰谷电是划算的。',
  ],
  electrification: [
    '电能替代有相应的支持政策，我帮您登记一下，客户经理会联系您详细介绍。',
    '充电桩报装可以在网上国网APP上申请，需要提供车位产权或使用证明。',
  ],
  praise: ['感谢您的认可，我们会把您的表扬转达给他。', '谢谢您对我们工作的肯定，我这边登记表扬，转给他所在的单位。'],
  theft_report: [
    '感谢您的举报，我们会对您的信息严格保密，安排人员去现场核查。',
    '已经登记您的举报，用电检查人员会去现场查看。',
  ],
};

export const GREETING_OK = [
  '您好，国网湖南电力95598，工号{agent}，很高兴为您服务。',
  '您好，{agent}号客服为您服务，请问有什么可以帮您？',
  '你好，95598供电服务热线，工号{agent}，请讲。',
] as const;
export const GREETING_NO_HELLO = ['喂，工号{agent}，请讲。', '95598，{agent}号客服，什么事？'] as const;
export const GREETING_NO_INTRO = ['您好，国网湖南电力95598，很高兴为您服务。', '您好，请问有什么可以帮您？'] as const;
export const GREETING_BARE = ['喂，请讲。', '95598，说吧。'] as const;
export const CHAT_GREETING_OK = [
  '您好，在线客服{agent}号客服为您服务，请问有什么可以帮您？',
  '您好，我是工号{agent}的在线客服，请问有什么需要？',
] as const;

export const IDENTITY_ASK = [
  '麻烦提供一下户号，户号是多少？',
  '为了核实一下您的身份，请提供户主姓名和身份证后四位。',
  '请问户主姓名是什么？我核实您的信息。',
] as const;
/** Answers IDENTITY_ASK item by item. */
export const IDENTITY_GIVE = ['户号是{customer}。', '户主是{name}，身份证后四位{id4}。', '户主是{name}。'] as const;
export const IDENTITY_CONFIRMED = [
  '好的，已经核实您的信息，请您稍候，我帮您查询一下。',
  '好的，核实您的信息无误，请稍等，我查一下。',
  '好的，请您稍候，我这边查询。',
] as const;
export const LOOKUP_NO_HOLD = ['好的。', '嗯，我看一下。', '行，我查查。'] as const;
export const ACCOUNT_DETAIL = [
  '我这边看到您的户号{customer}，户名是{name}。',
  '系统里显示您的户号{customer}，户名是{name}。',
] as const;
export const SOOTHE = [
  '非常抱歉给您带来不便，请您别着急，我马上帮您处理。',
  '理解您的心情，很抱歉让您久等了，我这就帮您查。',
  '真的很抱歉，请您别着急，我们一定尽快给您解决。',
] as const;
export const FORBIDDEN = [
  '这个我不知道，',
  '这不归我们管，',
  '你自己去查APP，',
  '这个我们也没办法，',
  '跟我说没用，',
] as const;
export const CLOSING_ASK = ['请问还有其他可以帮您的吗？', '还有其他可以帮您的吗？'] as const;
export const CLOSING_BYE = ['感谢您的来电，再见！', '好的，感谢您的来电，祝您生活愉快，再见。'] as const;
export const CHAT_CLOSING_BYE = ['感谢您的咨询，再见！'] as const;
export const CLOSING_MISSING = ['好，那就这样。', '行，就这样吧。'] as const;
export const CUSTOMER_BYE = ['没有了，谢谢。', '没了，就这个事。', '嗯，没有了。'] as const;
export const TRANSFER_EXPLAINED = ['您的问题需要专业部门处理，我现在为您转接到{dept}，请不要挂机。'] as const;
export const TRANSFER_BARE = ['我给您转一下。', '转一下。'] as const;
export const TRANSFER_ASK = ['我还想问一下具体的技术问题，能找专业的人吗？', '这个能不能找懂行的人跟我说？'] as const;

export const FILLERS = ['嗯，', '那个，', '就是说，', '呃，', '喂，', '就是，'] as const;
export const ANGER = ['你们怎么搞的！', '气死我了，', '太过分了！', '什么破服务，', '简直是受不了，'] as const;
export const ESCALATION = [
  '再不解决我就打12398投诉！',
  '我要到网上曝光你们。',
  '我要找你们领导，去上级部门反映！',
  '我已经打了12345市长热线了。',
] as const;
/** Speech-recognition slips and homophones in customer speech. */
export const TYPOS: readonly (readonly [string, string])[] = [
  ['停电', '停店'],
  ['户号', '互号'],
  ['已经', '以经'],
  ['账单', '帐单'],
  ['怎么', '咋'],
  ['师傅', '师父'],
  ['电表', '电镖'],
  ['线路', '线录'],
];
