import type { Condition, FigureCode, Names } from './rules.js';

/**
 * 用电规律 (C4) as data: how the figures are computed (parameters), what each figure is called,
 * the consumption level bands, the patterns and the advice. Raise `version` whenever a value
 * changes; profiles record the version that produced them (model_version).
 * docs/portraits-consumption.md says why each threshold is what it is.
 */

export interface PatternDef {
  code: string;
  name: Names;
  /** What the pattern means for service staff. */
  description: Names;
  tone: 'warning' | 'info' | 'positive';
  when: Condition;
}

export interface AdviceDef {
  code: string;
  name: Names;
  /** What staff tell or do for the customer (the service strategy's wording). */
  wording: Names;
  /** 1 = act first. */
  priority: number;
  when: Condition;
}

export interface LevelBandDef {
  code: 'low' | 'medium' | 'high' | 'very_high';
  name: Names;
  /** Upper bound (exclusive) of level_vs_peers; absent for the top band. */
  below?: number;
}

export interface ConsumptionParameters {
  /** The recent window: 旬 (10-day periods) that began within this many days of as-of. */
  recentDays: number;
  /** The "still low at the end" window for a drop to count as sustained. */
  sustainDays: number;
  /** Fewest days on each side of a change point. */
  minSplitDays: number;
  /** A change point with after/before level at or below this is dated (drop_started_on). */
  dropCandidateRatio: number;
  /** A day is near zero at or below this share of the customer's own median day… */
  zeroDayShareOfMedian: number;
  /** …or at or below this many kWh, whichever is larger. */
  zeroDayFloorKwh: number;
  /** Fewest customers of the segment in an area for the area to be the peer group. */
  minPeers: number;
  summerMonths: readonly number[];
  winterMonths: readonly number[];
  shoulderMonths: readonly number[];
  /** A month's trend point needs at least this many days read. */
  minTrendMonthDays: number;
}

export interface ConsumptionDefinition {
  version: number;
  parameters: ConsumptionParameters;
  figures: Record<FigureCode, { name: Names; unit?: Names }>;
  levelBands: readonly LevelBandDef[];
  patterns: readonly PatternDef[];
  advice: readonly AdviceDef[];
}

/** Days of near-zero use that make a 'long_zero_use'; also what keeps trend and season advice off such customers. */
const LONG_ZERO_DAYS = 30;
/** An empty month or more distorts trend and season ratios, so those rules skip such customers. */
const NO_LONG_ZERO = { figure: 'zero_run_max_days', op: '<', value: LONG_ZERO_DAYS } as const;

/**
 * Days a meter's last reading may trail the newest of its area before the collection counts as
 * broken: a day's readings arrive the next morning and a terminal retries for a day or two, so
 * one or two days behind is the collection system's own delay, not a fault.
 */
const READINGS_STOPPED_DAYS = 3;

const RESIDENTIAL = { figure: 'segment', op: '==', value: 'residential' } as const;
const NON_RESIDENTIAL = { figure: 'segment', op: '==', value: 'non_residential' } as const;

export const CONSUMPTION_DEFINITION: ConsumptionDefinition = {
  version: 2,
  parameters: {
    recentDays: 60,
    sustainDays: 30,
    minSplitDays: 30,
    dropCandidateRatio: 0.8,
    zeroDayShareOfMedian: 0.1,
    zeroDayFloorKwh: 0.05,
    minPeers: 5,
    summerMonths: [7, 8],
    winterMonths: [12, 1, 2],
    shoulderMonths: [3, 4, 5, 9, 10, 11],
    minTrendMonthDays: 10,
  },
  figures: {
    segment: { name: { zh: '用户类别', en: 'Segment' } },
    months: { name: { zh: '有读数的月数', en: 'Months with readings' }, unit: { zh: '个月', en: 'months' } },
    avg_daily_kwh: { name: { zh: '日均电量', en: 'Average daily use' }, unit: { zh: 'kWh/日', en: 'kWh/day' } },
    level_vs_peers: { name: { zh: '电量水平（与同台区同类用户中位数之比）', en: 'Level vs area peers (÷ median)' } },
    level_band: { name: { zh: '用电水平', en: 'Consumption level' } },
    peak_share: { name: { zh: '峰段电量占比', en: 'Peak-period share' } },
    valley_share: { name: { zh: '谷段电量占比', en: 'Valley-period share' } },
    trend_slope_pct: {
      name: { zh: '用电趋势（季节调整后月变化率）', en: 'Trend (seasonally adjusted, per month)' },
      unit: { zh: '%/月', en: '%/month' },
    },
    seasonality: { name: { zh: '季节性（夏冬季÷春秋季）', en: 'Seasonality (summer+winter ÷ spring/autumn)' } },
    summer_ratio: { name: { zh: '夏季用电倍数（7–8月÷春秋季）', en: 'Summer ratio (Jul–Aug ÷ spring/autumn)' } },
    winter_ratio: { name: { zh: '冬季用电倍数（12–2月÷春秋季）', en: 'Winter ratio (Dec–Feb ÷ spring/autumn)' } },
    zero_run_max_days: {
      name: { zh: '最长连续零电量天数', en: 'Longest run of near-zero days' },
      unit: { zh: '天', en: 'days' },
    },
    recent_vs_own: { name: { zh: '近60天÷自身此前水平', en: 'Last 60 days ÷ own earlier level' } },
    recent_vs_peers: {
      name: {
        zh: '近60天÷此前水平（按同台区同类用户同期变化调整）',
        en: 'Last 60 days ÷ earlier level, adjusted by area peers',
      },
    },
    sustained_vs_peers: {
      name: {
        zh: '近30天÷此前水平（按同台区同类用户调整）',
        en: 'Last 30 days ÷ earlier level, adjusted by area peers',
      },
    },
    recent_zero_days: {
      name: { zh: '近60天零电量天数', en: 'Near-zero days in the last 60' },
      unit: { zh: '天', en: 'days' },
    },
    baseline_days: {
      name: { zh: '突变前有读数天数', en: 'Days read before the change' },
      unit: { zh: '天', en: 'days' },
    },
    drop_days: { name: { zh: '电量下降已持续天数', en: 'Days since the drop began' }, unit: { zh: '天', en: 'days' } },
    power_factor_avg: { name: { zh: '平均功率因数', en: 'Average power factor' } },
    max_load_kw: { name: { zh: '最大负荷', en: 'Maximum load' }, unit: { zh: 'kW', en: 'kW' } },
    days_behind_peers: {
      name: { zh: '读数落后同台区天数', en: 'Days of readings behind the area' },
      unit: { zh: '天', en: 'days' },
    },
  },
  levelBands: [
    { code: 'low', name: { zh: '偏低', en: 'Low' }, below: 0.5 },
    { code: 'medium', name: { zh: '中等', en: 'Medium' }, below: 1.5 },
    { code: 'high', name: { zh: '偏高', en: 'High' }, below: 3 },
    { code: 'very_high', name: { zh: '很高', en: 'Very high' } },
  ],
  patterns: [
    {
      code: 'sudden_sustained_drop',
      name: { zh: '电量突降且持续', en: 'Sudden sustained drop' },
      description: {
        zh: '电量突然降到此前的六成以下并持续至今，而同台区同类用户同期没有下降：疑似窃电或计量故障',
        en: 'Use fell below 60 % of its earlier level and stayed there while area peers did not: suspected theft or meter fault',
      },
      tone: 'warning',
      when: {
        all: [
          { figure: 'baseline_days', op: '>=', value: 60 },
          { figure: 'drop_days', op: '>=', value: 30 },
          { figure: 'recent_vs_peers', op: '<=', value: 0.6 },
          { figure: 'recent_vs_peers', op: '>=', value: 0.1 },
          { figure: 'sustained_vs_peers', op: '<=', value: 0.65 },
          { figure: 'recent_zero_days', op: '<=', value: 6 },
        ],
      },
    },
    {
      code: 'long_zero_use',
      name: { zh: '长期零电量', en: 'Long near-zero use' },
      description: {
        zh: '连续30天以上几乎不用电：房屋空置、停业或表计停走',
        en: '30 days or more of almost no use: empty home, closed business or a stopped meter',
      },
      tone: 'info',
      when: { figure: 'zero_run_max_days', op: '>=', value: LONG_ZERO_DAYS },
    },
    {
      code: 'readings_stopped',
      name: { zh: '采集中断', en: 'Readings stopped' },
      description: {
        zh: '表计已连续3天以上没有读数，而同台区其他表计照常上传：采集终端或通信故障、表计故障，或人为干扰',
        en: 'No reading for 3 days or more while the other meters of the area kept reporting: a failed terminal or link, a faulty meter, or tampering',
      },
      tone: 'warning',
      when: { figure: 'days_behind_peers', op: '>=', value: READINGS_STOPPED_DAYS },
    },
    {
      code: 'low_power_factor',
      name: { zh: '功率因数偏低', en: 'Low power factor' },
      description: {
        zh: '非居民用户平均功率因数低于0.90（力调电费考核标准），会被加收力调电费',
        en: 'Non-residential average power factor below 0.90, the power-factor tariff standard: surcharges apply',
      },
      tone: 'warning',
      when: { all: [NON_RESIDENTIAL, { figure: 'power_factor_avg', op: '<', value: 0.9 }] },
    },
    {
      code: 'high_peak_share',
      name: { zh: '高峰用电占比高', en: 'High peak-period share' },
      description: {
        zh: '峰段电量占四成以上（峰段时长约占全天三分之一），有移峰填谷空间',
        en: 'Over 40 % of use in peak hours (about a third of the day): room to shift load',
      },
      tone: 'info',
      when: { figure: 'peak_share', op: '>=', value: 0.4 },
    },
    {
      code: 'summer_peaking',
      name: { zh: '夏季高峰型', en: 'Summer peaking' },
      description: {
        zh: '7–8月日均电量比春秋季高三成以上：空调负荷明显',
        en: 'July–August daily use 30 % above spring/autumn: a clear air-conditioning load',
      },
      tone: 'info',
      when: { figure: 'summer_ratio', op: '>=', value: 1.3 },
    },
    {
      code: 'winter_peaking',
      name: { zh: '冬季高峰型', en: 'Winter peaking' },
      description: {
        zh: '12–2月日均电量比春秋季高三成以上：电采暖负荷明显（与夏季高峰型同时成立即双峰型）',
        en: 'December–February daily use 30 % above spring/autumn: a clear electric-heating load (with summer peaking: a dual peak)',
      },
      tone: 'info',
      when: { figure: 'winter_ratio', op: '>=', value: 1.3 },
    },
    {
      code: 'rising',
      name: { zh: '用电持续上升', en: 'Rising use' },
      description: {
        zh: '季节调整后电量每月上升3%以上（半年以上数据）：新增用电设备或扩大生产',
        en: 'Seasonally adjusted use rising over 3 % a month across 6 months or more: new appliances or more production',
      },
      tone: 'info',
      when: {
        all: [
          { figure: 'months', op: '>=', value: 6 },
          { figure: 'trend_slope_pct', op: '>=', value: 3 },
          NO_LONG_ZERO,
        ],
      },
    },
    {
      code: 'falling',
      name: { zh: '用电持续下降', en: 'Falling use' },
      description: {
        zh: '季节调整后电量每月下降3%以上（半年以上数据）',
        en: 'Seasonally adjusted use falling over 3 % a month across 6 months or more',
      },
      tone: 'info',
      when: {
        all: [
          { figure: 'months', op: '>=', value: 6 },
          { figure: 'trend_slope_pct', op: '<=', value: -3 },
          NO_LONG_ZERO,
        ],
      },
    },
  ],
  advice: [
    {
      code: 'site_inspection',
      name: { zh: '现场用电检查', en: 'Site inspection' },
      wording: {
        zh: '电量突降且同台区用户未降，安排用电检查人员现场核查接线与表计，排查窃电',
        en: 'Use dropped while area peers did not: send an inspector to check the wiring and meter on site',
      },
      priority: 1,
      when: { pattern: 'sudden_sustained_drop' },
    },
    {
      code: 'meter_check',
      name: { zh: '核查计量装置', en: 'Meter check' },
      wording: {
        zh: '核实表计是否正常运行（电量突降或长期零电量），必要时安排校验',
        en: 'Check the meter is recording (sudden drop or long near-zero use); test it if needed',
      },
      priority: 2,
      when: { any: [{ pattern: 'sudden_sustained_drop' }, { pattern: 'long_zero_use' }] },
    },
    {
      code: 'collection_repair',
      name: { zh: '采集运维', en: 'Collection repair' },
      wording: {
        zh: '派采集运维人员检查采集终端、通信模块与表计并补采读数；读数补齐前如需估抄出账，先告知客户',
        en: 'Send collection maintenance to check the terminal, the link and the meter and fetch the missing readings; tell the customer before any estimated bill',
      },
      priority: 3,
      when: { pattern: 'readings_stopped' },
    },
    {
      code: 'power_factor_correction',
      name: { zh: '无功补偿', en: 'Power factor correction' },
      wording: {
        zh: '建议加装或检修无功补偿装置，将功率因数提高到0.90以上，减免力调电费',
        en: 'Install or repair reactive power compensation to lift the power factor above 0.90 and avoid surcharges',
      },
      priority: 4,
      when: { pattern: 'low_power_factor' },
    },
    {
      code: 'time_of_use_tariff',
      name: { zh: '峰谷分时电价', en: 'Time-of-use tariff' },
      wording: {
        zh: '介绍峰谷分时电价，引导把热水器、充电等可调负荷移到谷段',
        en: 'Explain time-of-use prices and help move flexible loads (water heating, charging) to valley hours',
      },
      priority: 5,
      when: {
        any: [
          { pattern: 'high_peak_share' },
          {
            all: [
              RESIDENTIAL,
              { figure: 'level_band', op: 'in', value: ['high', 'very_high'] },
              { figure: 'valley_share', op: '>=', value: 0.2 },
            ],
          },
        ],
      },
    },
    {
      code: 'energy_saving',
      name: { zh: '节能建议', en: 'Energy saving' },
      wording: {
        zh: '用电明显高于同台区同类用户或持续上升：提供节能用电指导（空调温度、待机耗电、能效标识）',
        en: 'Use well above area peers or rising: give energy-saving guidance (air-conditioner settings, standby use, efficiency labels)',
      },
      priority: 6,
      when: { any: [{ figure: 'level_band', op: 'in', value: ['high', 'very_high'] }, { pattern: 'rising' }] },
    },
    {
      code: 'electrification',
      name: { zh: '电能替代', en: 'Electrification' },
      wording: {
        zh: '冬季电量未见上升，可能以燃煤燃气取暖：推荐“煤改电”、电采暖等电能替代产品',
        en: 'No winter rise in use, so heating is likely coal or gas: suggest electric heating (煤改电)',
      },
      priority: 7,
      when: { all: [RESIDENTIAL, { figure: 'winter_ratio', op: '<=', value: 1.05 }, NO_LONG_ZERO] },
    },
  ],
};
