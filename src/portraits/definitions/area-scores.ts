import type { Condition, GradeDef, PointsRule, ScoreDef, TagDimension } from '../engine/types.js';
import type { AreaKind } from './area-sources.js';

/**
 * Service risk of an area (供电服务风险, E5): one points table whose rows are grouped by
 * dimension. The service-risk score is the sum of the fired rows (the rows add up to 100);
 * each dimension's own score (the radar of the area page) is its rows' share, scaled so the
 * dimension's maximum is 100. The hot-zone level (高发地带等级) is a grade over the score.
 * One table feeds both, so the ranking and the radar never disagree.
 */
const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });
const lt = (feature: string, value: number): Condition => ({ feature, op: '<', value });
const all = (...c: Condition[]): Condition => ({ all: c });
const any = (...c: Condition[]): Condition => ({ any: c });
const rule = (when: Condition, points: number, zh: string, en: string): PointsRule => ({
  when,
  points,
  reason: { zh, en },
});

/** Reliability norms (REQUIREMENTS N): urban ≥ 99.9 %, rural ≥ 99.8 % of the year's 525,600 minutes. */
export const RURAL_SAIDI_NORM = 1051;

export type AreaRiskDimension = Extract<TagDimension, 'equipment' | 'outage' | 'demand' | 'customer_mix' | 'staff'>;

export const AREA_RISK_RULES: Record<AreaRiskDimension, PointsRule[]> = {
  equipment: [
    rule(ge('fault_saifi_12m', 1.5), 10, '户均故障停电1.5次以上', '1.5 or more fault interruptions per customer'),
    rule(ge('fault_saifi_12m', 3), 8, '户均故障停电3次以上', '3 or more fault interruptions per customer'),
    rule(ge('fault_outages_90d', 2), 4, '90天内故障2次以上', 'Two or more faults in 90 days'),
    // Both end in estimated bills and fee complaints. The monthly rate is taken at the reading
    // round, so a concentrator that fails after it shows only as the area's days behind.
    rule(
      any(lt('collection_rate_min_12m', 0.95), ge('collection_behind_days', 3)),
      3,
      '月采集成功率低于95%或台区采集中断3天以上',
      'A month with collection rate below 95 %, or collection stopped 3 days or more',
    ),
  ],
  outage: [
    rule(
      ge('saidi_minutes_12m', RURAL_SAIDI_NORM),
      6,
      '户均停电超过1051分钟(供电可靠率低于99.8%)',
      'Outage minutes per customer above 1,051 (reliability under 99.8 %)',
    ),
    rule(ge('fault_saidi_minutes_12m', 240), 7, '户均故障停电4小时以上', '4 h or more of fault outage per customer'),
    rule(
      ge('slow_restoration_exposure_12m', 0.5),
      8,
      '半数以上客户遭遇复电超时',
      'Half the customers saw a slow restoration',
    ),
    rule(ge('short_notice_planned_12m', 1), 4, '计划停电通知不足7天', 'A planned outage announced under 7 days ahead'),
  ],
  demand: [
    rule(ge('complaints_per_1000_12m', 200), 8, '千户投诉200件以上', '200 or more complaints per 1,000 customers'),
    rule(ge('complaints_per_1000_12m', 300), 5, '千户投诉300件以上', '300 or more complaints per 1,000 customers'),
    rule(
      ge('outage_complaints_per_1000_12m', 30),
      4,
      '千户停电类投诉30件以上',
      '30 or more outage complaints per 1,000 customers',
    ),
    rule(
      any(ge('escalations_12m', 2), ge('social_posts_12m', 2)),
      5,
      '越级投诉或舆情2起以上',
      'Two or more escalations or social-media posts',
    ),
    rule(ge('overdue_repairs_12m', 2), 3, '抢修超时工单2件以上', 'Two or more repair orders late'),
  ],
  customer_mix: [
    rule(ge('sensitive_share', 0.25), 4, '敏感客户占比25%以上', '25 % or more sensitive customers'),
    rule(ge('sensitive_share', 0.35), 3, '敏感客户占比35%以上', '35 % or more sensitive customers'),
    rule(
      all(ge('important_customers', 1), ge('fault_outages_12m', 1)),
      3,
      '重要客户所在区域发生故障停电',
      'Important customers here and a fault outage',
    ),
    rule(ge('volatile_customers', 3), 2, '易升级客户3户以上', 'Three or more customers likely to escalate'),
  ],
  staff: [
    rule(ge('staff_violation_risk', 1), 7, '服务人员有违规操作风险', 'Staff with operation violation risk'),
    rule(ge('staff_complaint_prone', 1), 3, '服务人员投诉高发', 'Complaint-prone staff'),
    rule(ge('staff_low_star', 1), 3, '服务人员星级偏低(≤2星)', 'Staff rated 2 stars or fewer'),
  ],
};

export const AREA_RISK_DIMENSIONS = Object.keys(AREA_RISK_RULES) as AreaRiskDimension[];

const DIMENSION_NAMES: Record<AreaRiskDimension, { zh: string; en: string }> = {
  equipment: { zh: '设备质量', en: 'Equipment quality' },
  outage: { zh: '停电情况', en: 'Outages' },
  demand: { zh: '诉求投诉', en: 'Demand and complaints' },
  customer_mix: { zh: '客户构成', en: 'Customer mix' },
  staff: { zh: '服务人员', en: 'Staff' },
};

/** Versions of the dimension scores (`risk_<dimension>`): bumped when a dimension's rows or names change. */
const DIMENSION_SCORE_VERSION: Record<AreaRiskDimension, number> = {
  // v2: the collection row also fires for an area whose collection stopped (collection_behind_days).
  equipment: 2,
  outage: 1,
  demand: 1,
  customer_mix: 1,
  // v2: named 服务人员风险 / Staff risk (was 人员风险风险 / Staff risk risk).
  staff: 2,
};

const sumPoints = (rules: readonly PointsRule[]) => rules.reduce((s, r) => s + r.points, 0);

export function areaScores(kind: AreaKind): ScoreDef[] {
  const dimensionScores: ScoreDef[] = AREA_RISK_DIMENSIONS.map((d) => {
    const rules = AREA_RISK_RULES[d];
    const scale = 100 / sumPoints(rules);
    return {
      code: `risk_${d}`,
      subject: kind,
      name: { zh: `${DIMENSION_NAMES[d].zh}风险`, en: `${DIMENSION_NAMES[d].en} risk` },
      description: {
        zh: `服务风险积分表中${DIMENSION_NAMES[d].zh}各行，折算为满分100`,
        en: `The ${DIMENSION_NAMES[d].en.toLowerCase()} rows of the service-risk table, scaled to 100`,
      },
      kind: 'points',
      base: 0,
      min: 0,
      max: 100,
      rules: rules.map((r) => ({ ...r, points: Math.round(r.points * scale * 10) / 10 })),
      version: DIMENSION_SCORE_VERSION[d],
    };
  });
  return [
    {
      code: 'service_risk',
      subject: kind,
      name: { zh: '服务风险分', en: 'Service risk score' },
      description: {
        zh: '设备质量、停电、诉求投诉、客户构成与人员风险积分之和（0–100，越高越危险）',
        en: 'Points for equipment, outages, complaints, customer mix and staff risk (0–100, higher is riskier)',
      },
      kind: 'points',
      base: 0,
      min: 0,
      max: 100,
      rules: AREA_RISK_DIMENSIONS.flatMap((d) => AREA_RISK_RULES[d]),
      // v2: the equipment dimension's collection row (see DIMENSION_SCORE_VERSION).
      version: 2,
    },
    ...dimensionScores,
  ];
}

/** Hot-zone levels (高发地带等级), highest first. */
export const HOT_ZONE_BANDS: GradeDef['bands'] = [
  { grade: 'red', min: 55, name: { zh: '红色(高风险)', en: 'Red (high risk)' } },
  { grade: 'orange', min: 35, name: { zh: '橙色(较高风险)', en: 'Orange (elevated)' } },
  { grade: 'yellow', min: 15, name: { zh: '黄色(一般风险)', en: 'Yellow (moderate)' } },
  { grade: 'green', min: 0, name: { zh: '绿色(低风险)', en: 'Green (low)' } },
];

export function areaGrades(kind: AreaKind): GradeDef[] {
  return [
    {
      code: 'hot_zone_level',
      subject: kind,
      name: { zh: '风险高发等级', en: 'Hot-zone level' },
      description: {
        zh: '红 ≥55、橙 35–54、黄 15–34、绿 <15（服务风险分）',
        en: 'red ≥55, orange 35–54, yellow 15–34, green <15 (service risk score)',
      },
      score: 'service_risk',
      version: 1,
      bands: HOT_ZONE_BANDS,
    },
  ];
}
