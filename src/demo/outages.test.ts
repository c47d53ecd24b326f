import { describe, expect, it } from 'vitest';
import { buildClock, DAY, weekday } from './clock.js';
import { buildOrgWorld } from './org-builder.js';
import { planOutages } from './outages.js';

describe('planned and fault outages', () => {
  const clock = buildClock('2026-10', 12);
  // A province-sized topology: thousands of feeders and areas, so rare schedule edges occur.
  const org = buildOrgWorld(1, 1_000_000);
  const plan = planOutages(1, org, clock);

  it('schedules maintenance on working days inside the window, announced 7 days ahead unless planted late', () => {
    const planned = plan.records.filter((o) => o.kind === 'planned');
    expect(planned.length).toBeGreaterThan(1000);
    for (const o of planned) {
      const start = Date.parse(o.started_at);
      expect(weekday(start)).not.toBe(0);
      expect(Date.parse(o.restored_at ?? '')).toBeLessThan(clock.endMs);
      const notice = start - Date.parse(o.announced_at ?? '');
      expect(notice >= 7 * DAY).toBe(!plan.lateAnnouncements.has(o.outage_id));
    }
  });

  it('gives each area its own faults and its feeder outages, in time order', () => {
    for (const area of org.areas.slice(0, 200)) {
      for (const outage of area.outages) expect([area.id, area.feederId]).toContain(outage.record.scope_id);
      const starts = area.outages.map((o) => o.startMs);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
