import type { WorldBatch } from './batch.js';
import { DAY, formatTime, HOUR, MINUTE, type WorldClock, weekday } from './clock.js';
import type { Staff } from './employees.js';
import type { OrgWorld } from './org-builder.js';
import { Rng } from './random.js';

/**
 * Employee operations that belong to no customer: agents' and hall clerks' daily logins and
 * logouts (E1 real-time status) and the meter reader's monthly round of each area.
 */
export async function generateStaffOperations(
  seed: number,
  staff: Staff,
  org: OrgWorld,
  clock: WorldClock,
  batch: WorldBatch,
  /** Called after each employee and area: at a million customers the logins alone are ~1 M records. */
  flushIfFull: () => Promise<void>,
): Promise<void> {
  const shiftWorkers = [...staff.agents, ...staff.hallByCounty.flat()];
  for (const [i, employee] of shiftWorkers.entries()) {
    const rng = Rng.for(seed, 'shifts', i);
    const no = employee.record.employee_no;
    const system = employee.record.post === 'agent_95598' ? '95598' : 'sg186';
    for (let d = 0; d < clock.days; d++) {
      const day = clock.startMs + d * DAY;
      const wd = weekday(day);
      // The 95598 centre runs every day; halls open Monday to Saturday.
      if ((system === 'sg186' && wd === 0) || rng.chance(0.2)) continue;
      const login = day + 8 * HOUR + rng.int(0, 35) * MINUTE;
      const logout = day + 17 * HOUR + rng.int(0, 70) * MINUTE;
      batch.push('employee_operations', {
        operation_id: `OPL-${no}-${d}-in`,
        employee_no: no,
        operation: 'login',
        at: formatTime(login),
        system,
      });
      batch.push('employee_operations', {
        operation_id: `OPL-${no}-${d}-out`,
        employee_no: no,
        operation: 'logout',
        at: formatTime(logout),
        system,
      });
    }
    await flushIfFull();
  }
  for (const [i, area] of org.areas.entries()) {
    const rng = Rng.for(seed, 'meter-rounds', i);
    const reader = staff.meterReaderByStation.get(area.stationId);
    if (!reader) continue;
    clock.months.forEach((month, m) => {
      const at = clock.startMs + (m * 30.4 + rng.int(0, 3)) * DAY + rng.int(9, 16) * HOUR;
      if (at >= clock.endMs) return;
      batch.push('employee_operations', {
        operation_id: `OPM-${area.id}-${month}`,
        employee_no: reader.record.employee_no,
        operation: 'meter_reading',
        at: formatTime(at),
        system: 'collection',
        detail: {
          transformer_area_id: area.id,
          meters: area.customerCount,
          collected_rate: Math.round(rng.range(0.975, 1) * 1000) / 1000,
        },
      });
    });
    await flushIfFull();
  }
}
