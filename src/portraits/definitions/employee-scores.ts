import type { Condition, GradeDef, Names, PointsRule, ScoreDef } from '../engine/types.js';

/**
 * Employee scores: one 0–100 points score per aspect (the radar of the employee page) and
 * the star points behind the star rating (星级, E3). Points tables, so every score lists the
 * rows that fired (GET …/portrait/why?element=score:star_points).
 */
const ge = (feature: string, value: number): Condition => ({ feature, op: '>=', value });
const lt = (feature: string, value: number): Condition => ({ feature, op: '<', value });
const le = (feature: string, value: number): Condition => ({ feature, op: '<=', value });
const eq = (feature: string, value: number): Condition => ({ feature, op: '==', value });
const all = (...c: Condition[]): Condition => ({ all: c });
const any = (...c: Condition[]): Condition => ({ any: c });
const rule = (when: Condition, points: number, zh: string, en: string): PointsRule => ({
  when,
  points,
  reason: { zh, en },
});

const points = (code: string, name: Names, description: Names, base: number, rules: PointsRule[]): ScoreDef => ({
  code,
  subject: 'employee',
  name,
  description,
  kind: 'points',
  base,
  min: 0,
  max: 100,
  rules,
  version: 1,
});

// Shared conditions: enough ratings or orders for a rate to mean something.
const RATED = ge('rated_orders_12m', 5);
const GOOD_RATINGS = all(ge('satisfaction_avg_12m', 4.5), RATED);
const FAIR_RATINGS = all(ge('satisfaction_avg_12m', 4.0), RATED);
const POOR_RATINGS = all(lt('satisfaction_avg_12m', 3.6), RATED);
const MANY_DISSATISFIED = all(ge('dissatisfied_share_12m', 0.2), RATED);
const OFTEN_LATE = all(ge('overdue_share_12m', 0.15), ge('orders_12m', 10));
const ON_TIME = all(ge('handled_on_time_share_12m', 0.95), ge('handled_12m', 10));
// A grid manager answers for every complaint of the grid by default, so complaints count
// against an employee when substantiated, as a rate per 100 work orders.
const SUBSTANTIATED_RATE_3 = all(ge('substantiated_per_100_orders_12m', 3), ge('substantiated_complaints_12m', 2));
const SUBSTANTIATED_RATE_6 = all(ge('substantiated_per_100_orders_12m', 6), ge('substantiated_complaints_12m', 3));
const VIOLATION_HABIT = any(
  all(ge('violation_share_12m', 0.1), ge('operation_violations_12m', 2)),
  ge('operation_violations_12m', 5),
);
const QA_GOOD = all(ge('qa_score_avg_12m', 95), ge('qa_inspected_12m', 10));
const QA_POOR = all(lt('qa_score_avg_12m', 85), ge('qa_inspected_12m', 10));

export const EMPLOYEE_SCORES: ScoreDef[] = [
  points(
    'aspect_personal',
    { zh: '个人信息(资历)', en: 'Personal (seniority)' },
    { zh: '工作年限', en: 'Years of service' },
    40,
    [
      rule(ge('years_of_service', 1), 20, '工作满1年', 'One year of service'),
      rule(ge('years_of_service', 3), 20, '工作满3年', 'Three years of service'),
      rule(ge('years_of_service', 10), 20, '工作满10年', 'Ten years of service'),
    ],
  ),
  points(
    'aspect_business',
    { zh: '业务能力', en: 'Business capability' },
    { zh: '技能等级、操作合规与按时处理', en: 'Skill level, compliant operations, handling on time' },
    60,
    [
      rule(ge('skill_level', 4), 15, '技能等级4级以上', 'Skill level 4 or above'),
      rule(eq('skill_level', 5), 5, '技能等级5级', 'Skill level 5'),
      rule(le('skill_level', 2), -15, '技能等级2级及以下', 'Skill level 2 or below'),
      rule(ON_TIME, 15, '按时处理率95%以上', '95 % or more handled on time'),
      rule(ge('operation_violations_12m', 1), -10, '有违规操作', 'An operation violation'),
      rule(
        VIOLATION_HABIT,
        -25,
        '违规操作成习惯(占一成以上或5次以上)',
        'Violations a habit (one in ten, or five or more)',
      ),
    ],
  ),
  points(
    'aspect_service',
    { zh: '服务能力', en: 'Service capability' },
    { zh: '客户评价、表扬、响应速度与质检', en: 'Ratings, praise, response speed and QA' },
    60,
    [
      rule(GOOD_RATINGS, 15, '评价均分4.5以上', 'Average rating 4.5 or above'),
      rule(FAIR_RATINGS, 5, '评价均分4.0以上', 'Average rating 4.0 or above'),
      rule(POOR_RATINGS, -15, '评价均分低于3.6', 'Average rating below 3.6'),
      rule(MANY_DISSATISFIED, -10, '不满意率20%以上', '20 % or more dissatisfied ratings'),
      rule(ge('praise_12m', 1), 10, '获表扬', 'Praised'),
      rule(ge('praise_12m', 3), 5, '获表扬3次以上', 'Praised three or more times'),
      rule(OFTEN_LATE, -10, '工单超时处理率15%以上', '15 % or more of orders handled late'),
      rule(ge('late_arrivals_12m', 3), -5, '超90分钟到达现场3次以上', 'Three or more arrivals over 90 minutes'),
      rule(ge('long_hall_waits_12m', 10), -5, '营业厅等候超15分钟10人次以上', 'Ten or more hall waits over 15 minutes'),
      rule(QA_GOOD, 10, '质检均分95以上', 'Average QA score 95+'),
      rule(QA_POOR, -10, '质检均分低于85', 'Average QA score below 85'),
    ],
  ),
  points(
    'aspect_complaint',
    { zh: '投诉记录', en: 'Complaint record' },
    {
      zh: '100分起，按属实投诉率、属实投诉数、态度投诉与越级投诉扣分',
      en: 'From 100, less for the substantiated rate and count, attitude and escalated complaints',
    },
    100,
    [
      rule(ge('substantiated_complaints_12m', 1), -10, '有属实投诉', 'A substantiated complaint'),
      rule(SUBSTANTIATED_RATE_3, -15, '每百件工单属实投诉3件以上', '3 or more substantiated per 100 orders'),
      rule(SUBSTANTIATED_RATE_6, -20, '每百件工单属实投诉6件以上', '6 or more substantiated per 100 orders'),
      rule(ge('substantiated_complaints_90d', 5), -15, '90天属实投诉5件以上', '5 or more substantiated in 90 days'),
      rule(
        ge('substantiated_attitude_complaints_12m', 1),
        -10,
        '有属实服务态度投诉',
        'A substantiated attitude complaint',
      ),
      rule(ge('escalated_complaints_12m', 1), -5, '有越级投诉', 'An escalated complaint'),
      rule(ge('complaints_30d', 3), -5, '近30天被投诉3次以上', 'Three or more complaints in 30 days'),
    ],
  ),
  points(
    'aspect_realtime',
    { zh: '实时状态(在岗)', en: 'Real-time status (on duty)' },
    { zh: '近30天在岗天数、当前在线与无超时未处理工单', en: 'Days active, online now, no overdue unhandled orders' },
    20,
    [
      rule(ge('active_days_30d', 10), 30, '近30天在岗10天以上', 'Active 10+ of the past 30 days'),
      rule(ge('active_days_30d', 18), 20, '近30天在岗18天以上', 'Active 18+ of the past 30 days'),
      rule(ge('online_now', 1), 10, '当前在线', 'Online now'),
      rule(eq('overdue_open_orders_now', 0), 20, '无超时未处理工单', 'No unhandled order past its deadline'),
    ],
  ),
  points(
    'star_points',
    { zh: '星级积分', en: 'Star points' },
    {
      zh: '60分起：客户评价、表扬、按时处理、技能、质检与零投诉加分；属实投诉率、违规操作、属实态度投诉、差评与超时扣分',
      en: 'From 60: ratings, praise, on-time handling, skill, QA and no complaints add; the substantiated-complaint rate, violations, substantiated attitude complaints, poor ratings and lateness subtract',
    },
    60,
    [
      rule(GOOD_RATINGS, 10, '评价均分4.5以上', 'Average rating 4.5 or above'),
      rule(FAIR_RATINGS, 5, '评价均分4.0以上', 'Average rating 4.0 or above'),
      rule(ge('praise_12m', 1), 5, '获表扬', 'Praised'),
      rule(ON_TIME, 5, '按时处理率95%以上', '95 % or more handled on time'),
      rule(ge('skill_level', 4), 5, '技能等级4级以上', 'Skill level 4 or above'),
      rule(QA_GOOD, 5, '质检均分95以上', 'Average QA score 95+'),
      rule(all(eq('complaints_12m', 0), ge('orders_12m', 10)), 5, '零投诉', 'No complaint'),
      rule(SUBSTANTIATED_RATE_3, -10, '每百件工单属实投诉3件以上', '3 or more substantiated per 100 orders'),
      rule(SUBSTANTIATED_RATE_6, -10, '每百件工单属实投诉6件以上', '6 or more substantiated per 100 orders'),
      rule(
        ge('substantiated_attitude_complaints_12m', 2),
        -10,
        '属实服务态度投诉2次以上',
        'Two or more substantiated attitude complaints',
      ),
      rule(ge('operation_violations_12m', 1), -10, '有违规操作', 'An operation violation'),
      rule(
        VIOLATION_HABIT,
        -15,
        '违规操作成习惯(占一成以上或5次以上)',
        'Violations a habit (one in ten, or five or more)',
      ),
      rule(POOR_RATINGS, -10, '评价均分低于3.6', 'Average rating below 3.6'),
      rule(MANY_DISSATISFIED, -5, '不满意率20%以上', '20 % or more dissatisfied ratings'),
      rule(OFTEN_LATE, -5, '工单超时处理率15%以上', '15 % or more of orders handled late'),
      rule(QA_POOR, -10, '质检均分低于85', 'Average QA score below 85'),
    ],
  ),
];

/** Score code per aspect, for the radar. */
export const ASPECT_SCORES = {
  personal: 'aspect_personal',
  business: 'aspect_business',
  service: 'aspect_service',
  complaint: 'aspect_complaint',
  realtime: 'aspect_realtime',
} as const;

export const EMPLOYEE_GRADES: GradeDef[] = [
  {
    code: 'star_rating',
    subject: 'employee',
    name: { zh: '服务星级', en: 'Star rating' },
    description: {
      zh: '五星 ≥85、四星 70–84、三星 55–69、二星 40–54、一星 <40（星级积分）',
      en: '5 stars ≥85, 4 stars 70–84, 3 stars 55–69, 2 stars 40–54, 1 star <40 (star points)',
    },
    score: 'star_points',
    version: 1,
    bands: [
      { grade: '5', min: 85, name: { zh: '五星', en: '5 stars' } },
      { grade: '4', min: 70, name: { zh: '四星', en: '4 stars' } },
      { grade: '3', min: 55, name: { zh: '三星', en: '3 stars' } },
      { grade: '2', min: 40, name: { zh: '二星', en: '2 stars' } },
      { grade: '1', min: 0, name: { zh: '一星', en: '1 star' } },
    ],
  },
];
