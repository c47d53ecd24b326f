import type { Condition, StrategyDef, TagDef, TagDimension } from '../engine/types.js';
import { RURAL_SAIDI_NORM } from './area-scores.js';
import type { AreaKind } from './area-sources.js';

/**
 * Area tags (台区/线路/网格/供电所标签): the same definitions for every area kind, each with the
 * strategy for the unit's managers (seed 000: 锁定服务风险"高发地带", 实现供电服务风险预警).
 */
interface Spec {
  dimension: TagDimension;
  tone: TagDef['tone'];
  zh: string;
  en: string;
  descZh: string;
  descEn: string;
  when: Condition;
  strategy?: StrategyDef;
}
type Def = (kind: AreaKind) => TagDef;
const tag =
  (code: string, s: Spec): Def =>
  (kind) => ({
    code,
    subject: kind,
    name: { zh: s.zh, en: s.en },
    description: { zh: s.descZh, en: s.descEn },
    dimension: s.dimension,
    tone: s.tone,
    when: s.when,
    ...(s.strategy ? { strategy: s.strategy } : {}),
    version: 1,
  });
const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });
const lt = (feature: string, value: number): Condition => ({ feature, op: '<', value });
const eq = (feature: string, value: number): Condition => ({ feature, op: '==', value });

const TAGS: Def[] = [
  tag('frequent_faults', {
    dimension: 'equipment',
    tone: 'warning',
    zh: '故障频发',
    en: 'Frequent faults',
    descZh: '户均故障停电1.5次以上，或90天内故障2次以上',
    descEn: '1.5 or more fault interruptions per customer, or two or more faults in 90 days',
    when: { any: [ge('fault_saifi_12m', 1.5), ge('fault_outages_90d', 2)] },
    strategy: {
      priority: 1,
      zh: '安排设备隐患排查与技改，恶劣天气前预置抢修力量，开展主动抢修',
      en: 'Inspect and upgrade the equipment; pre-position crews before bad weather; repair proactively',
    },
  }),
  tag('collection_stopped', {
    dimension: 'equipment',
    tone: 'warning',
    zh: '台区采集中断',
    en: 'Area collection stopped',
    descZh: '台区（或其下某台区）整体3天以上没有读数上传，而全公司其他台区照常：集中器或通信信道故障',
    descEn:
      'A transformer area (or one under this area) sent no readings for 3 days or more while the rest of the company did: a concentrator or link failure',
    when: ge('collection_behind_days', 3),
    strategy: {
      priority: 2,
      zh: '派采集运维检修集中器与通信信道并补采读数；提醒客服此区域电费可能估抄，准备解释口径',
      en: 'Send collection maintenance to repair the concentrator and link and fetch the readings; warn the agents that bills here may be estimated',
    },
  }),
  tag('poor_collection', {
    dimension: 'equipment',
    tone: 'warning',
    zh: '采集质量差',
    en: 'Poor meter collection',
    descZh: '有月份采集成功率低于95%',
    descEn: 'A month with a collection rate below 95 %',
    when: lt('collection_rate_min_12m', 0.95),
    strategy: {
      priority: 3,
      zh: '排查采集终端与通信信道，避免估抄引发电费投诉',
      en: 'Check collection terminals and links, so estimated readings do not cause bill complaints',
    },
  }),
  tag('slow_restoration', {
    dimension: 'outage',
    tone: 'warning',
    zh: '抢修复电慢',
    en: 'Slow restorations',
    descZh: '一年内有故障停电超过5小时才复电',
    descEn: 'A fault restored after more than 5 hours in the past year',
    when: ge('slow_restorations_12m', 1),
    strategy: {
      priority: 2,
      zh: '复盘超时抢修，优化抢修驻点与备品备件；停电期间主动通报进度',
      en: 'Review the slow repairs, improve crew posts and spares; report progress during outages',
    },
  }),
  tag('long_outages', {
    dimension: 'outage',
    tone: 'warning',
    zh: '停电时长高',
    en: 'Long outages',
    descZh: '户均停电超过1051分钟，供电可靠率低于农村标准99.8%',
    descEn: 'Over 1,051 outage minutes per customer: reliability under the rural norm of 99.8 %',
    when: ge('saidi_minutes_12m', RURAL_SAIDI_NORM),
    strategy: {
      priority: 2,
      zh: '合并检修计划减少停电次数，推广带电作业',
      en: 'Bundle maintenance to cut outages; use live-line work',
    },
  }),
  tag('short_notice_outage', {
    dimension: 'outage',
    tone: 'warning',
    zh: '停电通知不足',
    en: 'Short outage notice',
    descZh: '有计划停电提前不足7天公告',
    descEn: 'A planned outage announced under 7 days ahead',
    when: ge('short_notice_planned_12m', 1),
    strategy: {
      priority: 2,
      zh: '计划停电至少提前7天公告并短信通知，敏感客户电话告知',
      en: 'Announce planned outages 7+ days ahead with SMS; phone sensitive customers',
    },
  }),
  tag('complaint_hotspot', {
    dimension: 'demand',
    tone: 'warning',
    zh: '投诉密集',
    en: 'Complaint hotspot',
    descZh: '千户投诉200件以上',
    descEn: '200 or more complaints per 1,000 customers',
    when: ge('complaints_per_1000_12m', 200),
    strategy: {
      priority: 1,
      zh: '分析投诉主题，开展网格走访与诉求回访，管理人员定期通报',
      en: 'Analyse complaint topics; visit the grid and call back; the manager reports regularly',
    },
  }),
  tag('escalation_risk', {
    dimension: 'demand',
    tone: 'warning',
    zh: '越级/舆情风险',
    en: 'Escalation risk',
    descZh: '一年内发生越级投诉或社交媒体发帖',
    descEn: 'An escalation or a social-media post in the past year',
    when: { any: [ge('escalations_12m', 1), ge('social_posts_12m', 1)] },
    strategy: {
      priority: 1,
      zh: '诉求首次受理即由班组长跟进，舆情专人监测',
      en: 'A team lead follows each case from the first contact; watch social media',
    },
  }),
  tag('sensitive_cluster', {
    dimension: 'customer_mix',
    tone: 'warning',
    zh: '敏感客户集中',
    en: 'Sensitive customers clustered',
    descZh: '敏感客户占比25%以上',
    descEn: '25 % or more of the customers are sensitive',
    when: ge('sensitive_share', 0.25),
    strategy: {
      priority: 2,
      zh: '停电、电费调整前逐户告知，安排服务之星对接',
      en: 'Tell each customer before outages and tariff changes; assign a service star',
    },
  }),
  tag('important_customers_present', {
    dimension: 'customer_mix',
    tone: 'info',
    zh: '有重要客户',
    en: 'Important customers present',
    descZh: '区域内有重要/高危客户',
    descEn: 'Important or high-risk customers in the area',
    when: ge('important_customers', 1),
    strategy: {
      priority: 2,
      zh: '停电前24小时通知重要客户，核查自备电源，抢修优先',
      en: 'Notify important customers 24 h before outages, check their backup supply, repair them first',
    },
  }),
  tag('staff_risk', {
    dimension: 'staff',
    tone: 'warning',
    zh: '人员风险',
    en: 'Staff risk',
    descZh: '服务人员中有违规操作风险或投诉高发',
    descEn: 'Staff serving the area include someone with violation risk or many complaints',
    when: { any: [ge('staff_violation_risk', 1), ge('staff_complaint_prone', 1)] },
    strategy: {
      priority: 1,
      zh: '对相关人员的停复电和投诉处置加强督办，必要时调整网格人员',
      en: 'Supervise those staff members’ disconnections and complaints; rotate grid staff if needed',
    },
  }),
  tag('stable_area', {
    dimension: 'equipment',
    tone: 'positive',
    zh: '运行平稳',
    en: 'Running smoothly',
    descZh: '一年内无故障停电且千户投诉低于100件',
    descEn: 'No fault outage in a year and under 100 complaints per 1,000 customers',
    when: { all: [eq('fault_outages_12m', 0), lt('complaints_per_1000_12m', 100), ge('customers', 1)] },
  }),
];

export function areaTags(kind: AreaKind): TagDef[] {
  return TAGS.map((def) => def(kind));
}
