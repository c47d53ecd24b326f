import type { OutageRecord } from '../ingest/records.js';
import { DAY, formatTime, HOUR, MINUTE, monthOf, type WorldClock, weekday } from './clock.js';
import type { OrgWorld } from './org-builder.js';
import { Rng } from './random.js';
import type { Area, DemoOutage } from './types.js';

const FAULT_CAUSES = [
  '雷击导致线路跳闸',
  '树障碰线',
  '配变低压桩头烧毁',
  '电缆被外力挖断',
  '用户内部故障越级跳闸',
  '覆冰导致断线',
  '台区超负荷熔丝熔断',
  '鸟害导致相间短路',
] as const;
const PLANNED_CAUSES = ['10kV线路检修', '配电变压器增容改造', '线路迁改', '设备预防性试验', '农网改造升级'] as const;

/** Storms in summer and ice in winter make faults seasonal. */
const FAULT_MONTH_WEIGHT = [0, 1.6, 1.3, 0.8, 0.9, 1.1, 1.5, 1.9, 1.8, 1.0, 0.7, 0.8, 1.3] as const;

export interface OutagePlan {
  readonly records: OutageRecord[];
  /** Planned outages announced fewer than 7 days ahead (a planted norm breach). */
  readonly lateAnnouncements: Set<string>;
}

function randomFaultStart(rng: Rng, clock: WorldClock): number {
  for (;;) {
    const at = clock.startMs + rng.float() * (clock.endMs - clock.startMs - DAY);
    if (rng.float() * 2 < (FAULT_MONTH_WEIGHT[monthOf(at)] ?? 1)) return at;
  }
}

function faultOutage(
  rng: Rng,
  clock: WorldClock,
  id: string,
  level: 'feeder' | 'transformer_area',
  scope: string,
  urban: boolean,
): DemoOutage {
  const startMs = randomFaultStart(rng, clock);
  const slow = rng.chance(0.15);
  // Norm: arrive in 45 min (urban) / 90 min (rural), restore within 3 h / 4 h after arrival.
  const budget = urban ? 45 * MINUTE + 3 * HOUR : 90 * MINUTE + 4 * HOUR;
  const duration = slow ? budget + rng.range(1, 8) * HOUR : rng.range(0.2, 0.9) * budget;
  const restoredMs = Math.min(startMs + duration, clock.endMs - MINUTE);
  const record: OutageRecord = {
    outage_id: id,
    kind: 'fault',
    scope_level: level,
    scope_id: scope,
    started_at: formatTime(startMs),
    restored_at: formatTime(restoredMs),
    cause: rng.pick(FAULT_CAUSES),
  };
  return { record, kind: 'fault', startMs, restoredMs, slow };
}

function plannedOutage(rng: Rng, clock: WorldClock, id: string, feederId: string, late: boolean): DemoOutage {
  let day = Math.floor(rng.float() * (clock.days - 2)) + 1;
  // Maintenance is not scheduled on Sundays.
  if (weekday(clock.startMs + day * DAY) === 0) day += 1;
  const startMs = clock.startMs + day * DAY + (8 + rng.int(0, 1)) * HOUR;
  const restoredMs = startMs + rng.int(6, 10) * HOUR + rng.int(0, 3) * 15 * MINUTE;
  const announcedMs = startMs - (late ? rng.int(2, 5) : rng.int(7, 12)) * DAY - rng.int(9, 16) * HOUR;
  const record: OutageRecord = {
    outage_id: id,
    kind: 'planned',
    scope_level: 'feeder',
    scope_id: feederId,
    started_at: formatTime(startMs),
    restored_at: formatTime(restoredMs),
    planned_start: formatTime(startMs),
    planned_end: formatTime(restoredMs),
    announced_at: formatTime(announcedMs),
    cause: rng.pick(PLANNED_CAUSES),
  };
  return { record, kind: 'planned', startMs, restoredMs, announcedMs, slow: false };
}

/**
 * All planned and fault outages, recomputable from (seed, feeder) and (seed, area) alone.
 * One area in ten has poor equipment and several times the fault rate.
 */
export function planOutages(seed: number, org: OrgWorld, clock: WorldClock): OutagePlan {
  const years = clock.days / 365;
  const records: OutageRecord[] = [];
  const lateAnnouncements = new Set<string>();
  const areasByFeeder = new Map<string, Area[]>();
  for (const area of org.areas) {
    const list = areasByFeeder.get(area.feederId) ?? [];
    list.push(area);
    areasByFeeder.set(area.feederId, list);
  }
  org.feeders.forEach((feeder, fi) => {
    const rng = Rng.for(seed, 'feeder-outages', fi);
    const areas = areasByFeeder.get(feeder.feeder_id) ?? [];
    const urban = areas[0]?.urban ?? false;
    const planned = rng.poisson(2 * years);
    for (let k = 0; k < planned; k++) {
      const late = rng.chance(0.06);
      const outage = plannedOutage(rng, clock, `PO${feeder.feeder_id.slice(2)}-${k + 1}`, feeder.feeder_id, late);
      if (late) lateAnnouncements.add(outage.record.outage_id);
      records.push(outage.record);
      for (const area of areas) area.outages.push(outage);
    }
    const faults = rng.poisson(0.4 * years);
    for (let k = 0; k < faults; k++) {
      const outage = faultOutage(
        rng,
        clock,
        `FO${feeder.feeder_id.slice(2)}-${k + 1}`,
        'feeder',
        feeder.feeder_id,
        urban,
      );
      records.push(outage.record);
      for (const area of areas) area.outages.push(outage);
    }
  });
  org.areas.forEach((area, ai) => {
    const rng = Rng.for(seed, 'area-outages', ai);
    const rate = rng.chance(0.1) ? 4.5 : 1.0;
    const faults = rng.poisson(rate * years);
    for (let k = 0; k < faults; k++) {
      const outage = faultOutage(rng, clock, `FO${area.id}-${k + 1}`, 'transformer_area', area.id, area.urban);
      records.push(outage.record);
      area.outages.push(outage);
    }
    area.outages.sort((a, b) => a.startMs - b.startMs);
  });
  return { records, lateAnnouncements };
}
