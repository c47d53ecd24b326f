import type { Condition, StrategyDef, TagDef, TagDimension } from '../engine/types.js';

/**
 * Employee tags (员工标签), grouped by the five aspects, each with the strategy a manager
 * should follow (seed 000: 让合适的人做合适的事 — match staff to customers, coach, pre-empt
 * violations). Thresholds are documented in docs/portraits-employees.md.
 */
interface Spec {
  aspect: TagDimension;
  tone: TagDef['tone'];
  zh: string;
  en: string;
  descZh: string;
  descEn: string;
  when: Condition;
  strategy?: StrategyDef;
  version?: number;
}
const tag = (code: string, s: Spec): TagDef => ({
  code,
  subject: 'employee',
  name: { zh: s.zh, en: s.en },
  description: { zh: s.descZh, en: s.descEn },
  dimension: s.aspect,
  tone: s.tone,
  when: s.when,
  ...(s.strategy ? { strategy: s.strategy } : {}),
  version: s.version ?? 1,
});
const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });
const gt = (feature: string, value: number): Condition => ({ feature, op: '>', value });
const le = (feature: string, value: number): Condition => ({ feature, op: '<=', value });
const lt = (feature: string, value: number): Condition => ({ feature, op: '<', value });
const eq = (feature: string, value: number): Condition => ({ feature, op: '==', value });

export const EMPLOYEE_TAGS: TagDef[] = [
  // --- 个人信息 personal ---
  tag('new_employee', {
    aspect: 'personal',
    tone: 'info',
    zh: '新员工',
    en: 'New employee',
    descZh: '入职不满1年',
    descEn: 'Less than one year of service',
    when: lt('years_of_service', 1),
    strategy: {
      priority: 3,
      zh: '安排师徒结对，敏感客户和投诉处置由资深员工陪同',
      en: 'Pair with a mentor; handle sensitive customers and complaints together with a senior colleague',
    },
  }),
  tag('senior_backbone', {
    aspect: 'personal',
    tone: 'positive',
    zh: '资深骨干',
    en: 'Senior backbone',
    descZh: '工作10年以上且技能等级4级以上',
    descEn: 'Ten or more years of service and skill level 4 or above',
    when: { all: [ge('years_of_service', 10), ge('skill_level', 4)] },
    strategy: {
      priority: 4,
      zh: '优先指派处理重要客户、越级投诉和疑难诉求，担任新员工导师',
      en: 'Assign important customers, escalated and difficult cases; mentor new staff',
    },
  }),

  // --- 业务能力 business ---
  tag('violation_risk', {
    aspect: 'business',
    tone: 'warning',
    zh: '违规操作风险',
    en: 'Operation violation risk',
    descZh:
      '停复电违规（未通知或通知不足7天即停电、缴费后超24小时复电）占一成以上且至少2次，或一年5次以上、90天3次以上',
    descEn:
      'One in ten or more disconnections/reconnections in breach (no or < 7 days notice, reconnected > 24 h after payment) and at least two, or 5+ a year, or 3+ in 90 days',
    // Any breach is an alert of its own (R1); the tag marks a habit: the base rate of an
    // occasional slip is a few per cent of operations.
    when: {
      any: [
        { all: [ge('violation_share_12m', 0.1), ge('operation_violations_12m', 2)] },
        ge('operation_violations_12m', 5),
        ge('operation_violations_90d', 3),
      ],
    },
    strategy: {
      priority: 1,
      zh: '停电前由管理人员核对停电通知记录，复电工单纳入每日督办；开展停复电规范培训',
      en: 'Have a manager check the notice record before each disconnection, track reconnections daily; retrain on the disconnection rules',
    },
  }),
  tag('late_reconnection', {
    aspect: 'business',
    tone: 'warning',
    zh: '复电不及时',
    en: 'Late reconnections',
    descZh: '一年内3次以上缴费后超24小时复电',
    descEn: 'Three or more reconnections over 24 h after payment in a year',
    when: ge('late_reconnections_12m', 3),
    strategy: {
      priority: 2,
      zh: '缴费到账后系统提醒复电，超12小时未复电推送管理人员',
      en: 'Remind on payment; alert the manager when not reconnected within 12 h',
    },
  }),
  tag('skill_gap', {
    aspect: 'business',
    tone: 'warning',
    zh: '技能待提升',
    en: 'Skill gap',
    descZh: '技能等级2级及以下',
    descEn: 'Skill level 2 or below',
    when: le('skill_level', 2),
    strategy: {
      priority: 3,
      zh: '纳入岗位技能培训计划，复杂业务安排复核',
      en: 'Enrol in skills training; have complex work reviewed',
    },
  }),
  tag('after_hours_operator', {
    aspect: 'business',
    tone: 'info',
    zh: '非工作时间操作多',
    en: 'Often operates after hours',
    descZh: '三成以上业务操作（复电与抄表轮次除外）在8:00前或18:00后',
    descEn: 'Three in ten or more operations (reconnections and reading rounds aside) before 08:00 or after 18:00',
    when: { all: [ge('after_hours_share_12m', 0.3), ge('operations_12m', 10)] },
    strategy: {
      priority: 4,
      zh: '核实非工作时间操作是否合规（停电应在工作时间执行）',
      en: 'Check that after-hours operations are allowed (disconnections belong in working hours)',
    },
  }),
  tag('heavy_workload', {
    aspect: 'business',
    tone: 'info',
    zh: '工作负荷高',
    en: 'Heavy workload',
    descZh: '90天责任工单120件以上，或30天话务量600通以上',
    descEn: '120 or more work orders in 90 days, or 600 or more calls in 30 days',
    when: { any: [ge('orders_90d', 120), ge('calls_30d', 600)] },
    strategy: {
      priority: 3,
      zh: '关注工作量与服务质量，必要时调配人手',
      en: 'Watch workload against service quality; rebalance staff when needed',
    },
  }),

  // --- 服务能力 service ---
  tag('service_star', {
    aspect: 'service',
    tone: 'positive',
    zh: '服务之星',
    en: 'Service star',
    descZh: '评价均分4.5以上（至少10条评价）、无属实投诉且获表扬',
    descEn: 'Average rating 4.5+ over at least 10 ratings, no substantiated complaint, praised',
    when: {
      all: [
        ge('satisfaction_avg_12m', 4.5),
        ge('rated_orders_12m', 10),
        eq('substantiated_complaints_12m', 0),
        ge('praise_12m', 1),
      ],
    },
    strategy: {
      priority: 4,
      zh: '优先安排服务高期望、情绪化客户；总结经验开展分享',
      en: 'Match with high-expectation and emotional customers; share their practice',
    },
  }),
  tag('often_praised', {
    aspect: 'service',
    tone: 'positive',
    zh: '多次受表扬',
    en: 'Often praised',
    descZh: '一年内获表扬3次以上',
    descEn: 'Praised three or more times in a year',
    when: ge('praise_12m', 3),
    strategy: { priority: 5, zh: '在星级评定和绩效中予以体现', en: 'Reflect in the star rating and appraisal' },
  }),
  tag('fast_responder', {
    aspect: 'service',
    tone: 'positive',
    zh: '响应迅速',
    en: 'Fast responder',
    descZh: '按时处理率95%以上且至少处理10件',
    descEn: '95 % or more handled before the deadline, at least 10 handled',
    when: { all: [ge('handled_on_time_share_12m', 0.95), ge('handled_12m', 10)] },
    strategy: {
      priority: 5,
      zh: '紧急诉求和抢修优先派给该员工',
      en: 'Route urgent cases and repairs to this employee first',
    },
  }),
  tag('slow_handling', {
    aspect: 'service',
    tone: 'warning',
    zh: '处理超时多',
    en: 'Often late',
    descZh: '工单超时处理率15%以上（至少10件），或超90分钟到达现场3次以上',
    descEn:
      '15 % or more of work orders handled past their deadline (10+ orders), or three or more arrivals over 90 minutes',
    when: {
      any: [{ all: [ge('overdue_share_12m', 0.15), ge('orders_12m', 10)] }, ge('late_arrivals_12m', 3)],
    },
    strategy: {
      priority: 2,
      zh: '对在办工单设置临期提醒，管理人员每日督办',
      en: 'Set due-soon reminders on open orders; a manager follows up daily',
    },
  }),
  tag('low_satisfaction', {
    aspect: 'service',
    tone: 'warning',
    zh: '客户评价偏低',
    en: 'Low customer ratings',
    descZh: '评价均分低于3.6或不满意率20%以上（至少5条评价）',
    descEn: 'Average rating below 3.6 or 20 % or more dissatisfied ratings (5+ ratings)',
    when: {
      all: [ge('rated_orders_12m', 5), { any: [lt('satisfaction_avg_12m', 3.6), ge('dissatisfied_share_12m', 0.2)] }],
    },
    strategy: {
      priority: 2,
      zh: '抽查其工单回访录音，针对性辅导沟通技巧',
      en: 'Review callback recordings of their orders; coach communication',
    },
  }),
  tag('qa_excellent', {
    aspect: 'service',
    tone: 'positive',
    zh: '质检优秀',
    en: 'QA excellent',
    descZh: '质检平均分95分以上（至少20通）',
    descEn: 'Average QA score 95+ over at least 20 inspected calls',
    when: { all: [ge('qa_score_avg_12m', 95), ge('qa_inspected_12m', 20)] },
    strategy: { priority: 5, zh: '推荐优秀录音入案例库', en: 'Nominate their calls for the case library' },
  }),
  tag('qa_needs_coaching', {
    aspect: 'service',
    tone: 'warning',
    zh: '质检待辅导',
    en: 'QA coaching needed',
    descZh: '质检平均分低于85、问题通话占比三成以上或使用服务禁语',
    descEn: 'Average QA score below 85, three in ten calls flagged, or forbidden phrases used',
    when: {
      all: [
        ge('qa_inspected_12m', 10),
        {
          any: [lt('qa_score_avg_12m', 85), ge('qa_flagged_share_12m', 0.3), ge('qa_forbidden_words_12m', 2)],
        },
      ],
    },
    strategy: {
      priority: 2,
      zh: '按质检扣分项开展一对一辅导，下月加抽检',
      en: 'Coach one-to-one on the deductions; sample more calls next month',
    },
  }),

  // --- 投诉记录 complaint ---
  tag('complaint_prone', {
    aspect: 'complaint',
    tone: 'warning',
    zh: '投诉高发',
    en: 'Complaint-prone',
    descZh: '每百件工单属实投诉5件以上（至少3件），或90天属实投诉8件以上',
    descEn:
      '5 or more substantiated complaints per 100 work orders (at least 3), or 8 or more substantiated in 90 days',
    // Counted on substantiated complaints: a grid manager answers for every complaint of the
    // grid by default, most of them about tariffs, not about him.
    when: {
      any: [
        { all: [ge('substantiated_per_100_orders_12m', 5), ge('substantiated_complaints_12m', 3)] },
        ge('substantiated_complaints_90d', 8),
      ],
    },
    strategy: {
      priority: 1,
      zh: '推送管理人员关注，新投诉由班组长介入处置，避免安排其服务敏感客户',
      en: 'Alert the manager; a team lead steps into new complaints; keep them away from sensitive customers',
    },
  }),
  tag('substantiated_complaint', {
    aspect: 'complaint',
    tone: 'warning',
    zh: '有属实投诉',
    en: 'Substantiated complaint',
    descZh: '近90天有属实投诉',
    descEn: 'A substantiated complaint in the past 90 days',
    when: ge('substantiated_complaints_90d', 1),
    strategy: {
      priority: 2,
      zh: '复盘属实投诉原因，纳入绩效考核',
      en: 'Review the substantiated complaint; count it in the appraisal',
    },
  }),
  tag('attitude_issue', {
    aspect: 'complaint',
    tone: 'warning',
    zh: '服务态度待改进',
    en: 'Service attitude issue',
    descZh: '属实服务态度投诉90天2次以上或一年3次以上',
    descEn: 'Substantiated attitude complaints: two or more in 90 days or three or more in a year',
    when: {
      any: [ge('substantiated_attitude_complaints_90d', 2), ge('substantiated_attitude_complaints_12m', 3)],
    },
    strategy: {
      priority: 2,
      zh: '开展服务礼仪和情绪管理培训，暂停窗口/话务一线岗位复训',
      en: 'Train in service etiquette and composure; retrain before front-line duty',
    },
  }),
  tag('complaint_free', {
    aspect: 'complaint',
    tone: 'positive',
    zh: '零投诉',
    en: 'Complaint-free',
    descZh: '一年内有责任工单10件以上且无投诉',
    descEn: 'Ten or more work orders in a year and no complaint',
    when: { all: [eq('complaints_12m', 0), ge('orders_12m', 10)] },
  }),

  // --- 实时状态 realtime ---
  tag('online', {
    aspect: 'realtime',
    tone: 'info',
    zh: '在线',
    en: 'Online',
    descZh: '24小时内最后一次登录后未退出',
    descEn: 'Logged in (no logout after the last login in the past 24 hours)',
    when: eq('online_now', 1),
  }),
  tag('overdue_open_orders', {
    aspect: 'realtime',
    tone: 'warning',
    zh: '有超时未办结工单',
    en: 'Open orders past deadline',
    descZh: '当前有已超时限仍未处理的工单',
    descEn: 'Has unhandled work orders past their deadline now',
    when: ge('overdue_open_orders_now', 1),
    strategy: {
      priority: 1,
      zh: '立即督办超时工单，必要时改派',
      en: 'Chase the overdue orders now; reassign if needed',
    },
  }),
  tag('inactive', {
    aspect: 'realtime',
    tone: 'info',
    zh: '近期未在岗',
    en: 'Inactive lately',
    descZh: '近30天无服务痕迹',
    descEn: 'No trace in the past 30 days',
    when: { all: [eq('active_days_30d', 0), gt('traces_12m', 0)] },
  }),
];
