/** Customer tags in the five dimensions of seed 000: sensitivity, credibility, expectation, friendliness, social influence. */
import type { TagDef } from '../engine/types.js';
import { eq, ge, le, tag } from './customer-tag-kit.js';

export const FIVE_DIMENSION_TAGS: TagDef[] = [
  // --- 敏感度 sensitivity ---
  tag('outage_sensitive', {
    dimension: 'sensitivity',
    tone: 'warning',
    zh: '停电敏感',
    en: 'Outage-sensitive',
    descZh: '停电后常来电报修或询问，计划停电也会追问，平时主动打听检修安排',
    descEn: 'Calls about most outages that reach them, planned ones included, and asks ahead about planned work',
    // Rings about most planned and fault outages that reached them (others about 1–5 % of
    // theirs), or asks ahead about planned work (others hardly ever) and rang about at least
    // one outage. One call about one outage is not enough alone: where lines fail often,
    // one customer in twenty rings once. Tuned on seeds 1–4, docs/portraits-quality.md.
    when: {
      any: [
        { all: [ge('outage_event_contacts_12m', 2), ge('outage_event_contact_rate_12m', 0.6)] },
        ge('outage_schedule_enquiries_12m', 2),
        {
          all: [
            ge('outage_schedule_enquiries_12m', 1),
            ge('outage_event_contacts_12m', 1),
            ge('outage_event_contact_rate_12m', 0.5),
          ],
        },
      ],
    },
    version: 5,
    strategy: {
      priority: 1,
      zh: '停电前至少提前7天短信+电话告知，抢修时主动通报进度，复电后回访',
      en: 'Notify at least 7 days before planned outages by SMS and phone, report repair progress, call back after restoration',
    },
  }),
  tag('fee_sensitive', {
    dimension: 'sensitivity',
    tone: 'warning',
    zh: '电费敏感',
    en: 'Fee-sensitive',
    descZh: '经常咨询或投诉电费电价，频繁查询账单',
    descEn: 'Often asks or complains about bills and tariffs, looks bills up often',
    // Looks each bill up as soon as it arrives, or keeps asking about it; app users glance at
    // a bill now and then (rarely in the days after it is issued) and anyone may ask once.
    // Complaints alone are a grievance, not sensitivity (repeat complainers nag about tariffs too).
    when: {
      any: [
        ge('prompt_bill_lookups_12m', 3),
        ge('fee_consultations_12m', 3),
        { all: [ge('prompt_bill_lookups_12m', 2), ge('fee_consultations_12m', 1)] },
      ],
    },
    version: 4,
    strategy: {
      priority: 2,
      zh: '账单异常时主动解释电量电价构成，推荐电费提醒与峰谷电价测算',
      en: 'Explain unusual bills proactively (kWh and tariff breakdown); offer bill alerts and a time-of-use estimate',
    },
  }),
  tag('power_quality_sensitive', {
    dimension: 'sensitivity',
    tone: 'warning',
    zh: '电能质量敏感',
    en: 'Power-quality-sensitive',
    descZh: '反映或投诉电压不稳等电能质量问题',
    descEn: 'Reports or complains about voltage and power quality',
    when: ge('power_quality_contacts_12m', 2),
    strategy: {
      priority: 3,
      zh: '安排台区电压监测，答复中给出治理计划与时间',
      en: 'Monitor the transformer area voltage; answer with a remediation plan and date',
    },
  }),
  tag('notice_sensitive', {
    dimension: 'sensitivity',
    tone: 'warning',
    zh: '停电通知敏感',
    en: 'Outage-notice-sensitive',
    descZh: '因未收到停电通知而来电或投诉',
    descEn: 'Called or complained about a missing outage notice',
    when: ge('planned_outage_contacts_12m', 1),
    strategy: {
      priority: 2,
      zh: '核对联系电话，计划停电短信必达并电话确认',
      en: 'Verify contact numbers; make sure the planned-outage SMS arrives and confirm by phone',
    },
  }),
  // --- 诚信度 credibility ---
  tag('chronic_late_payer', {
    dimension: 'credibility',
    tone: 'warning',
    zh: '长期欠费',
    en: 'Chronic late payer',
    descZh: '多数账单逾期缴纳或多次欠费停电',
    descEn: 'Pays most bills late or has been disconnected for arrears repeatedly',
    when: { any: [ge('late_payment_share_12m', 0.6), ge('disconnections_12m', 3)] },
    strategy: {
      priority: 2,
      zh: '到期前提醒，推荐代扣或预付费；停电前确保7天前送达停电通知',
      en: 'Remind before due dates, offer auto-debit or prepaid; make sure the disconnection notice arrives 7 days ahead',
    },
  }),
  tag('occasional_late_payer', {
    dimension: 'credibility',
    tone: 'info',
    zh: '偶有逾期',
    en: 'Occasionally late',
    descZh: '过去一年有逾期缴费，但未形成习惯',
    descEn: 'Paid late in the past year without making a habit of it',
    when: {
      all: [
        ge('late_payments_12m', 1),
        { not: { any: [ge('late_payment_share_12m', 0.6), ge('disconnections_12m', 3)] } },
      ],
    },
    strategy: { priority: 5, zh: '账单日后发送缴费提醒', en: 'Send a payment reminder after the bill date' },
  }),
  tag('punctual_payer', {
    dimension: 'credibility',
    tone: 'positive',
    zh: '按时缴费',
    en: 'Punctual payer',
    descZh: '过去一年按时缴清全部电费',
    descEn: 'Paid every bill on time in the past year',
    when: { all: [ge('payments_12m', 6), eq('late_payments_12m', 0)] },
    strategy: {
      priority: 8,
      zh: '可提供信用优先服务（如一次性办理、免催费）',
      en: 'Offer credit-based privileges (one-visit service, no reminders)',
    },
  }),
  tag('auto_debit_user', {
    dimension: 'credibility',
    tone: 'positive',
    zh: '代扣用户',
    en: 'Auto-debit user',
    descZh: '主要通过银行代扣缴费',
    descEn: 'Pays mainly by bank auto-debit',
    when: ge('auto_debit_share_12m', 0.8),
  }),
  tag('arrears_disconnected', {
    dimension: 'credibility',
    tone: 'warning',
    zh: '曾欠费停电',
    en: 'Disconnected for arrears',
    descZh: '过去一年发生过欠费停电',
    descEn: 'Was disconnected for arrears in the past year',
    when: ge('disconnections_12m', 1),
    strategy: {
      priority: 3,
      zh: '缴费后24小时内复电，复电后电话确认',
      en: 'Reconnect within 24 h of payment and confirm by phone',
    },
  }),
  tag('third_party_dishonest', {
    dimension: 'credibility',
    tone: 'warning',
    zh: '第三方失信',
    en: 'Listed as dishonest elsewhere',
    descZh: '过去一年被外部机构（法院失信被执行人名单、银行等）列为失信',
    descEn: 'Listed as dishonest by an outside registry (a court list of dishonest debtors, a bank) in the past year',
    when: ge('third_party_dishonest_12m', 1),
    strategy: {
      priority: 3,
      zh: '办理增容、过户等业务时要求缴费保证（预付费或保证金）；依法供电，不因此拒绝正常用电',
      en: 'Ask for a payment guarantee (prepaid or a deposit) for capacity increases or transfers; supply stays lawful: never refuse normal supply for it',
    },
  }),
  // --- 期望值 expectation ---
  tag('repeat_complainer', {
    dimension: 'expectation',
    tone: 'warning',
    zh: '重复投诉',
    en: 'Repeat complainer',
    descZh: '一年内多次投诉，常针对同一问题',
    descEn: 'Complains several times a year, often about the same grievance',
    // Three complaints, mostly found groundless. Two groundless ones of three pushed over our
    // heads are escalation-proneness (real grievances pushed upwards); three groundless are
    // repetition — unless most were pushed upwards and each was about another grievance:
    // that is someone escalating whatever comes, not returning to one grievance (tuning seeds
    // 1–4: precision 0.912–0.970 → 0.929–1.000, 0–2 of 97–129 holders lost).
    when: {
      all: [
        ge('complaints_12m', 3),
        {
          any: [
            { all: [ge('unsubstantiated_complaints_12m', 3), ge('unsubstantiated_share_12m', 0.5)] },
            { all: [ge('unsubstantiated_complaints_12m', 2), { not: ge('escalation_share_12m', 0.5) }] },
          ],
        },
        { not: { all: [ge('escalation_share_12m', 0.5), ge('complaint_topic_spread_12m', 0.75)] } },
      ],
    },
    version: 4,
    strategy: {
      priority: 1,
      zh: '指定专人跟进，首次答复即给出完整处理方案，结案前回访确认',
      en: 'Assign one owner, give a complete resolution in the first reply, confirm before closing',
    },
  }),
  tag('high_expectation', {
    dimension: 'expectation',
    tone: 'info',
    zh: '高期望值',
    en: 'High expectations',
    descZh: '诉求多且满意度偏低',
    descEn: 'Many requests and below-average satisfaction',
    when: { all: [ge('requests_12m', 4), le('avg_satisfaction_12m', 3.5)] },
    strategy: {
      priority: 4,
      zh: '由经验丰富的坐席受理，承诺时限留有余量',
      en: 'Route to experienced agents; promise deadlines with margin',
    },
  }),
  tag('frequent_consulter', {
    dimension: 'expectation',
    tone: 'info',
    zh: '咨询频繁',
    en: 'Frequent enquirer',
    descZh: '一年内咨询3次以上',
    descEn: 'Asked three or more questions in a year',
    when: ge('consultations_12m', 3),
    strategy: { priority: 6, zh: '推送常见问题与自助查询指引', en: 'Send FAQs and self-service guides' },
  }),
  tag('rising_demand', {
    dimension: 'expectation',
    tone: 'warning',
    zh: '诉求上升',
    en: 'Rising requests',
    descZh: '近月诉求数呈上升趋势',
    descEn: 'Monthly requests are trending up',
    when: { all: [ge('requests_slope_12m', 0.15), ge('requests_90d', 2)] },
    strategy: {
      priority: 3,
      zh: '梳理近期诉求是否未解决，主动回访',
      en: 'Check recent requests for unresolved issues and call back',
    },
  }),
  // --- 友善度 friendliness ---
  tag('emotional', {
    dimension: 'friendliness',
    tone: 'warning',
    zh: '情绪化',
    en: 'Emotional',
    descZh: '多数通话中情绪激动（至少两次），包括一般咨询',
    descEn: 'Angry in most of their calls (at least two), ordinary questions included',
    // Anger over a grievance (a slow restoration, a cut without notice) happens to anyone and
    // threats read as anger too; anger in most calls, one of them about no grievance, is temper.
    // One such call is anyone's bad day, unless he also rang to voice an opinion (意见): two
    // signs of a short temper in a year.
    when: {
      all: [
        ge('angry_call_share_12m', 0.5),
        ge('angry_routine_calls_12m', 1),
        { any: [ge('angry_contacts_12m', 2), ge('grievance_opinions_12m', 1)] },
      ],
    },
    version: 4,
    strategy: {
      priority: 1,
      zh: '先安抚情绪再处理业务，避免转接，优先由资深坐席接听',
      en: 'Calm the customer first, avoid transfers, route to senior agents',
    },
  }),
  tag('escalation_prone', {
    dimension: 'friendliness',
    tone: 'warning',
    zh: '越级投诉倾向',
    en: 'Escalation-prone',
    descZh: '多数投诉中向12398/12345或上级部门越级投诉或扬言越级，或不经95598直接向12345/12398反映',
    descEn: 'Takes most complaints to 12398/12345 or higher levels or threatens to, or goes to those hotlines first',
    // Threatens in most complaints (others in a few per cent of theirs), goes straight to
    // 12345/12398 (others about once in 25 years), or threatens over a question or a repair.
    // One threatening complaint alone is what anyone may do once: it counts beside a hotline
    // referral, or with a second. Tuned on seeds 1–4, docs/portraits-quality.md.
    when: {
      any: [
        ge('escalation_threats_routine_12m', 1),
        ge('direct_escalations_12m', 2),
        {
          all: [
            ge('escalation_threats_12m', 1),
            ge('escalation_threat_share_12m', 0.5),
            { any: [ge('direct_escalations_12m', 1), ge('escalation_threats_12m', 2)] },
          ],
        },
      ],
    },
    version: 4,
    strategy: {
      priority: 1,
      zh: '诉求升级管理：班长24小时内联系，处理结果书面答复',
      en: 'Escalation watch: a team lead calls within 24 h; answer in writing',
    },
  }),
  tag('dissatisfied', {
    dimension: 'friendliness',
    tone: 'warning',
    zh: '评价偏低',
    en: 'Dissatisfied',
    descZh: '回访评价中有不满意',
    descEn: 'Gave dissatisfied ratings at callback',
    when: ge('low_satisfaction_12m', 1),
    strategy: { priority: 4, zh: '查明不满原因，由班组长回访', en: 'Find out why and have a team lead call back' },
  }),
  tag('appreciative', {
    dimension: 'friendliness',
    tone: 'positive',
    zh: '友善认可',
    en: 'Appreciative',
    descZh: '表扬过服务人员或评价满意',
    descEn: 'Praised staff or rated service well',
    when: { any: [ge('praise_12m', 1), { all: [ge('avg_satisfaction_12m', 4.8), ge('requests_12m', 2)] }] },
  }),
  // --- 社会影响力 social influence ---
  tag('high_social_influence', {
    dimension: 'social_influence',
    tone: 'warning',
    zh: '社会影响力高',
    en: 'High social influence',
    descZh: '公众人物或社交媒体粉丝众多',
    descEn: 'Public figure or large social-media following',
    // An influencer's account has 5,000 followers or more; a few local shop and blogger
    // accounts reach that too.
    when: { any: [ge('public_figure', 1), ge('social_followers_max', 5000)] },
    version: 3,
    strategy: {
      priority: 1,
      zh: '舆情风险：诉求由管理人员督办，答复口径统一',
      en: 'Reputation risk: a manager supervises the case; one agreed answer',
    },
  }),
  tag('social_media_active', {
    dimension: 'social_influence',
    tone: 'info',
    zh: '网络发声',
    en: 'Posts online',
    descZh: '在社交媒体发布过用电相关内容',
    descEn: 'Has posted about the power service on social media',
    when: ge('social_posts_12m', 1),
    strategy: {
      priority: 2,
      zh: '关注舆情，诉求闭环后邀请评价',
      en: 'Watch public opinion; invite a rating after closing the case',
    },
  }),
];
