import type { CustomerRecord } from '../ingest/records.js';
import { formatDate, type WorldClock } from './clock.js';
import { ROADS, TOWNS } from './hunan-places.js';
import { companyName, idNumber, mobilePhone, personName, wechatId } from './names.js';
import { Rng } from './random.js';
import type { Area, County, CustomerProfile, CustomerTrait, PaymentArchetype, Segment } from './types.js';

// Industry code and the kind of business its customers' names carry.
const COMMERCIAL = [
  ['F52 零售业', '超市'],
  ['H62 餐饮业', '餐饮'],
  ['H61 住宿业', '酒店'],
  ['K70 房地产业', '物业管理'],
  ['P83 教育', '培训学校'],
  ['O80 居民服务业', '家政服务'],
] as const;
const INDUSTRIAL = [
  ['C13 农副食品加工业', '食品'],
  ['C30 非金属矿物制品业', '建材'],
  ['C34 通用设备制造业', '机械'],
  ['C39 计算机、通信和其他电子设备制造业', '电子'],
  ['C17 纺织业', '纺织'],
] as const;

export const customerNo = (index: number): string => `73${String(index + 1).padStart(8, '0')}`;
export const meterNo = (index: number): string => `3330${String(index + 1).padStart(10, '0')}`;

interface Kind {
  segment: Segment;
  name?: string;
  industry?: string;
  important?: boolean;
  special?: string;
}

function pickKind(rng: Rng, county: County): Kind {
  const r = rng.float();
  // ~0.3 % important/high-risk and ~0.5 % special customers (C7).
  if (r < 0.0015)
    return {
      segment: 'commercial',
      name: `${county.name}${rng.pick(['人民医院', '中医医院', '妇幼保健院', '第二人民医院'])}`,
      industry: 'Q84 卫生',
      important: true,
    };
  if (r < 0.003)
    return {
      segment: 'industrial',
      name: companyName(rng, county.cityName, '化工'),
      industry: 'C26 化学原料和化学制品制造业',
      important: true,
    };
  if (r < 0.0045)
    return {
      segment: 'commercial',
      name: `${county.name}${rng.pick(['人民政府', '教育局', '公安局', '自来水公司'])}`,
      industry: 'S92 国家机构',
      special: 'government',
    };
  if (r < 0.0065) return { segment: 'residential', special: 'vulnerable_group' };
  if (r < 0.008) return { segment: 'residential', special: 'public_figure' };
  if (r < 0.9) return { segment: 'residential' };
  const [industry, body] = r < 0.975 ? rng.pick(COMMERCIAL) : rng.pick(INDUSTRIAL);
  return { segment: r < 0.975 ? 'commercial' : 'industrial', industry, name: companyName(rng, county.cityName, body) };
}

function pickTraits(rng: Rng, kind: Kind, age: number): Set<CustomerTrait> {
  const t = new Set<CustomerTrait>();
  const residential = kind.segment === 'residential';
  if (rng.chance(kind.important ? 0.6 : residential ? 0.06 : 0.1)) t.add('outage_sensitive');
  if (rng.chance(residential ? 0.08 : 0.15)) t.add('fee_sensitive');
  if (rng.chance(residential ? 0.045 : 0.02)) t.add('emotional');
  if (rng.chance(t.has('emotional') ? 0.3 : 0.015)) t.add('escalation_prone');
  if (rng.chance(t.has('emotional') ? 0.25 : 0.015)) t.add('repeat_complainer');
  if (kind.special === 'public_figure' || rng.chance(0.012)) t.add('high_social_influence');
  // A hospital or chemical plant is never cut off for arrears (supply continuity first).
  if (!kind.important && rng.chance(kind.special === 'vulnerable_group' ? 0.2 : 0.04)) t.add('chronic_late_payer');
  if (!kind.important && !kind.special && rng.chance(residential ? 0.004 : 0.01)) t.add('electricity_theft');
  if (rng.chance(age < 40 ? 0.6 : age < 56 ? 0.3 : 0.08)) t.add('digital_native');
  if (rng.chance(t.has('digital_native') ? 0.02 : age > 55 ? 0.35 : 0.06)) t.add('hall_goer');
  return t;
}

function pickArchetype(rng: Rng, traits: Set<CustomerTrait>): PaymentArchetype {
  if (traits.has('chronic_late_payer')) return 'chronic_arrears';
  return rng.weighted([
    ['auto_debit', 25],
    ['on_time', 60],
    ['late', 15],
  ] as const);
}

function address(rng: Rng, county: County, area: Area, residential: boolean): string {
  const stem = area.name.replace(/\d#公变$/, '');
  const head = `湖南省${county.cityName}市${county.name}`;
  if (!residential)
    return `${head}${rng.pick(county.urban ? ROADS : TOWNS)}${county.urban ? '路' : '镇'}${rng.int(1, 399)}号`;
  if (county.urban)
    return `${head}${rng.pick(ROADS)}路${rng.int(1, 399)}号${stem}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 28)}0${rng.int(1, 4)}室`;
  return `${head}${rng.pick(TOWNS)}镇${stem}${rng.int(1, 15)}组${rng.int(1, 80)}号`;
}

/** Everything about customer `index`, from (seed, index) alone: record, latent traits, use pattern. */
export function buildCustomer(
  seed: number,
  index: number,
  area: Area,
  county: County,
  clock: WorldClock,
): CustomerProfile {
  const rng = Rng.for(seed, 'customer', index);
  const kind = pickKind(rng, county);
  const gender: 'M' | 'F' = rng.chance(0.6) ? 'M' : 'F';
  const age = rng.int(25, 85);
  const traits = pickTraits(rng, kind, age);
  const residential = kind.segment === 'residential';
  const endYear = Number(clock.dates[clock.dates.length - 1]?.slice(0, 4) ?? 2026);
  const holder = personName(rng, gender);
  const record: CustomerRecord = {
    customer_no: customerNo(index),
    name: residential ? holder : (kind.name ?? companyName(rng, county.cityName)),
    customer_type: residential ? 'residential' : 'non_residential',
    voltage_level: residential
      ? '220V'
      : kind.segment === 'industrial'
        ? rng.chance(0.2)
          ? '35kV'
          : '10kV'
        : rng.chance(0.6)
          ? '380V'
          : '10kV',
    contract_capacity_kva: residential
      ? rng.pick([8, 10, 12, 16])
      : kind.segment === 'industrial'
        ? rng.pick([315, 500, 800, 1250, 2000, 4000])
        : rng.pick([50, 80, 100, 160, 250, 400, 630]),
    org_unit_id: area.gridId,
    transformer_area_id: area.id,
    address: address(rng, county, area, residential),
    phone: mobilePhone(rng),
    important: kind.important === true,
    special: kind.special !== undefined,
    opened_on: formatDate(Date.UTC(rng.int(1995, endYear - 1), rng.int(0, 11), rng.int(1, 28))),
    status: 'active',
  };
  if (kind.industry) record.industry = kind.industry;
  if (kind.special) record.special_category = kind.special;
  if (residential) record.id_number = idNumber(rng, county.code, endYear - age, gender);
  if (rng.chance(traits.has('digital_native') ? 0.7 : 0.15)) record.wechat_id = wechatId(rng);

  const baseKwh = residential
    ? Math.exp(rng.normal(Math.log(5.5), 0.45))
    : kind.segment === 'commercial'
      ? Math.exp(rng.normal(Math.log(90), 0.8))
      : Math.exp(rng.normal(Math.log(2500), 0.7));
  const theft = traits.has('electricity_theft');
  const profile: CustomerProfile = {
    index,
    record,
    meterNo: meterNo(index),
    area,
    segment: kind.segment,
    traits,
    paymentArchetype: pickArchetype(rng, traits),
    baseKwh,
    theftFactor: rng.range(0.25, 0.5),
    age,
    gender,
    ...(theft ? { theftFromDay: Math.floor(clock.days * rng.range(0.3, 0.7)) } : {}),
    ...(!theft && residential && rng.chance(0.015) ? { vacancy: vacancySpan(rng, clock.days) } : {}),
  };
  // A failed concentrator silences every meter of its area on one day and hides a meter's own
  // failure: the meter is not behind its neighbours, and the customer holds no trait of it.
  if (area.collectionStopDay !== undefined) return { ...profile, readingsStopDay: area.collectionStopDay };
  // A stream of its own, so planting a collection failure moves no other draw of the world.
  const collection = Rng.for(seed, 'collection', index);
  if (!collection.chance(COLLECTION_FAILURE_SHARE)) return profile;
  traits.add('collection_failure');
  return { ...profile, readingsStopDay: clock.days - collection.int(4, 20) };
}

/** Meters whose collection terminal or link failed 4–20 days before the world's end. */
const COLLECTION_FAILURE_SHARE = 0.002;

function vacancySpan(rng: Rng, days: number): readonly [number, number] {
  const from = rng.int(0, Math.max(0, days - 40));
  return [from, Math.min(days, from + rng.int(30, 90))];
}
