import { type Def, f, FAULT, QUARTER, ratio, YEAR } from './area-feature-kit.js';

/** Equipment quality 设备质量 (E4): faults, power loss at the meters, meter collection. */
export const EQUIPMENT_FEATURES: Def[] = [
  f('transformer_areas', 'equipment', '台区数', 'Transformer areas', { source: 'transformer_area' }),
  f('capacity_kva', 'equipment', '配变容量(kVA)', 'Transformer capacity (kVA)', {
    source: 'transformer_area',
    aggregate: 'sum',
    value: 'ata.capacity_kva',
  }),
  f('fault_outages_12m', 'equipment', '故障停电次数(12月)', 'Fault outages (12 m)', {
    source: 'outage',
    where: FAULT,
    windowDays: YEAR,
  }),
  f('fault_outages_90d', 'equipment', '故障停电次数(90天)', 'Fault outages (90 d)', {
    source: 'outage',
    where: FAULT,
    windowDays: QUARTER,
  }),
  f('fault_customer_interruptions_12m', 'equipment', '故障停电影响户次', 'Customer interruptions by faults (12 m)', {
    source: 'outage',
    aggregate: 'sum',
    value: 'ao.customers',
    where: FAULT,
    windowDays: YEAR,
  }),
  ratio(
    'fault_saifi_12m',
    'equipment',
    '户均故障停电次数',
    'Fault interruptions per customer (SAIFI, 12 m)',
    'fault_customer_interruptions_12m',
    'customers',
  ),
  f('days_since_last_fault', 'equipment', '距上次故障天数', 'Days since the last fault', {
    source: 'outage',
    aggregate: 'min',
    value: 'extract(epoch FROM ($1::timestamptz - ao.started_at)) / 86400',
    where: FAULT,
    windowDays: YEAR,
    unit: { zh: '天', en: 'd' },
  }),
  f('power_loss_events_12m', 'equipment', '电表失电事件数', 'Meter power-loss events (12 m)', {
    source: 'trace',
    where: "atr.trace_type = 'power_loss_event' AND atr.attributes->>'event' = 'power_off'",
    windowDays: YEAR,
  }),
  f('power_loss_customers_12m', 'equipment', '失电客户数', 'Customers with power loss (12 m)', {
    source: 'trace',
    aggregate: 'distinct',
    value: 'atr.customer_id',
    where: "atr.trace_type = 'power_loss_event' AND atr.attributes->>'event' = 'power_off'",
    windowDays: YEAR,
  }),
  ratio(
    'power_loss_per_customer_12m',
    'equipment',
    '户均失电事件数',
    'Power-loss events per customer (12 m)',
    'power_loss_events_12m',
    'customers',
  ),
  f('collection_rate_avg_12m', 'equipment', '平均采集成功率', 'Average meter collection rate', {
    source: 'meter_reading',
    aggregate: 'avg',
    value: 'amr.collected_rate',
    windowDays: YEAR,
  }),
  f('collection_rate_min_12m', 'equipment', '最低采集成功率', 'Lowest monthly collection rate', {
    source: 'meter_reading',
    aggregate: 'min',
    value: 'amr.collected_rate',
    windowDays: YEAR,
  }),
  f('readings_stopped_customers', 'equipment', '采集中断户数', 'Meters whose readings stopped', {
    source: 'customer_portrait',
    where: "'readings_stopped' = ANY(acp.tags)",
  }),
  f('collection_behind_days', 'equipment', '采集滞后天数', 'Days the readings trail the company', {
    source: 'area_collection',
    aggregate: 'max',
    value: 'aco.company_read_until - aco.read_until',
    description: {
      zh: '本区域（各台区中最差的）最新读数日比全公司最新读数日落后的天数：台区整体停止上传，多为集中器或通信故障',
      en: "Days the area's newest reading (its worst transformer area's) trails the company's newest: a whole transformer area silent, usually a concentrator or link",
    },
  }),
];
