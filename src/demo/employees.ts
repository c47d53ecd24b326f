import type { EmployeeRecord } from '../ingest/records.js';
import { formatDate, type WorldClock } from './clock.js';
import { mobilePhone, personName } from './names.js';
import type { OrgWorld } from './org-builder.js';
import { Rng } from './random.js';
import type { DemoEmployee } from './types.js';

export type Post =
  | 'agent_95598'
  | 'qa_inspector'
  | 'hall_staff'
  | 'grid_manager'
  | 'meter_reader'
  | 'repair'
  | 'manager';

/** Staff of the world with the lookups activity generation needs (≈1 per 140 customers). */
export interface Staff {
  readonly all: DemoEmployee[];
  readonly agents: DemoEmployee[];
  readonly qaInspectors: DemoEmployee[];
  readonly hallByCounty: DemoEmployee[][];
  readonly managerByCounty: DemoEmployee[];
  readonly gridManagerByGrid: Map<string, DemoEmployee>;
  readonly meterReaderByStation: Map<string, DemoEmployee>;
  readonly repairByStation: Map<string, DemoEmployee>;
}

export function buildStaff(seed: number, customerCount: number, org: OrgWorld, clock: WorldClock): Staff {
  const all: DemoEmployee[] = [];
  const endYear = Number(clock.months[clock.months.length - 1]?.slice(0, 4) ?? 2026);
  const hire = (post: Post, unit: string): DemoEmployee => {
    const index = all.length;
    const rng = Rng.for(seed, 'employee', index);
    const gender: 'M' | 'F' =
      post === 'agent_95598' || post === 'hall_staff' ? (rng.chance(0.75) ? 'F' : 'M') : rng.chance(0.8) ? 'M' : 'F';
    const birthYear = rng.int(endYear - 58, endYear - 23);
    const hireYear = Math.min(endYear - 1, birthYear + rng.int(21, 30));
    const seniority = endYear - hireYear;
    const skill = Math.max(1, Math.min(5, Math.round(1.5 + seniority / 8 + rng.normal(0, 0.8))));
    const poor = rng.chance(0.15);
    const traits = {
      attitude: poor ? ('poor' as const) : ('good' as const),
      skill,
      violationProne: rng.chance(poor ? 0.3 : 0.07),
    };
    const record: EmployeeRecord = {
      employee_no: `E${String(index + 1).padStart(6, '0')}`,
      name: personName(rng, gender),
      post,
      org_unit_id: unit,
      hire_date: formatDate(Date.UTC(hireYear, rng.int(0, 11), rng.int(1, 28))),
      birth_year: birthYear,
      gender,
      skill_level: skill,
      phone: mobilePhone(rng),
      status: 'active',
    };
    const employee = { record, traits };
    all.push(employee);
    return employee;
  };

  const agentCount = Math.max(4, Math.round(customerCount / 800));
  const agents = Array.from({ length: agentCount }, () => hire('agent_95598', 'HN'));
  const qaInspectors = Array.from({ length: Math.max(1, Math.round(agentCount / 12)) }, () =>
    hire('qa_inspector', 'HN'),
  );
  hire('manager', 'HN');
  for (const cityId of org.cityIds) hire('manager', cityId);
  const perCounty = Math.max(2, Math.round(customerCount / Math.max(1, org.counties.length) / 1500));
  const hallByCounty = org.counties.map((county) =>
    Array.from({ length: perCounty }, () => hire('hall_staff', county.id)),
  );
  const managerByCounty = org.counties.map((county) => hire('manager', county.id));
  const gridManagerByGrid = new Map<string, DemoEmployee>();
  for (const grid of org.grids) gridManagerByGrid.set(grid.id, hire('grid_manager', grid.id));
  const meterReaderByStation = new Map<string, DemoEmployee>();
  const repairByStation = new Map<string, DemoEmployee>();
  for (const station of org.stations) {
    meterReaderByStation.set(station.id, hire('meter_reader', station.id));
    repairByStation.set(station.id, hire('repair', station.id));
  }
  return {
    all,
    agents,
    qaInspectors,
    hallByCounty,
    managerByCounty,
    gridManagerByGrid,
    meterReaderByStation,
    repairByStation,
  };
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo world: missing ${what}`);
  return value;
}
