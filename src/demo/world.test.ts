import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../ingest/records.js';
import { IMPORT_ORDER } from '../ingest/records.js';
import { createFileSink, fileColumns } from './file-sink.js';
import { createGroundTruthFile, createGroundTruthMemory, type GroundTruthLine } from './ground-truth.js';
import { createMemorySink, type MemorySink } from './memory-sink.js';
import { violationsInTranscript } from './qa-evidence.js';
import { QA_VIOLATION_CODES } from './qa-violations.js';
import { generateDemoWorld } from './world.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function filesHash(seed: number, customers = 300): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridcare-demo-'));
  dirs.push(dir);
  const sink = createFileSink(dir);
  const truth = createGroundTruthFile(path.join(dir, 'ground-truth.jsonl'));
  await generateDemoWorld({ customers, months: 6, seed, endMonth: '2026-10' }, sink, truth);
  await sink.close();
  await truth.close();
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

describe('determinism', () => {
  it('writes byte-identical files for the same arguments', async () => {
    expect(await filesHash(11)).toBe(await filesHash(11));
  });

  it('writes a different world for a different seed', async () => {
    expect(await filesHash(12)).not.toBe(await filesHash(11));
  });
});

describe('a generated world', () => {
  let sink: MemorySink;
  let truth: GroundTruthLine[];
  const customersWith = (trait: string) =>
    new Set(truth.flatMap((l) => (l.type === 'customer' && l.traits.includes(trait as never) ? [l.customer_no] : [])));
  const perCustomer = (nos: Iterable<string>, keep: (no: string) => boolean) => {
    const counts = new Map<string, number>();
    for (const no of nos) counts.set(no, (counts.get(no) ?? 0) + 1);
    const all = truth.flatMap((l) => (l.type === 'customer' ? [l.customer_no] : []));
    const mean = (group: string[]) => group.reduce((s, no) => s + (counts.get(no) ?? 0), 0) / Math.max(1, group.length);
    return { with: mean(all.filter(keep)), without: mean(all.filter((no) => !keep(no))) };
  };

  beforeAll(async () => {
    sink = createMemorySink();
    const memory = createGroundTruthMemory();
    await generateDemoWorld({ customers: 4000, months: 12, seed: 2026, endMonth: '2026-10' }, sink, memory);
    truth = memory.lines;
  }, 120_000);

  it('refers only to customers, meters, employees, orders and outages written before', () => {
    const customers = new Set(sink.all('customers').map((c) => c.customer_no));
    const meters = new Set(sink.all('meters').map((m) => m.meter_no));
    const employees = new Set(sink.all('employees').map((e) => e.employee_no));
    const orders = new Set(sink.all('work_orders').map((o) => o.order_no));
    const outages = new Set(sink.all('outages').map((o) => o.outage_id));
    const units = new Set(sink.all('org_units').map((u) => u.org_unit_id));
    const areas = new Set(sink.all('transformer_areas').map((a) => a.transformer_area_id));
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && bad.length < 10) bad.push(what);
    };
    for (const c of sink.all('customers'))
      check(units.has(c.org_unit_id) && areas.has(c.transformer_area_id ?? ''), c.customer_no);
    for (const kind of ['bills', 'payments', 'credit_reports', 'work_orders', 'calls', 'notices', 'traces'] as const) {
      for (const r of sink.all(kind)) check(customers.has(r.customer_no ?? ''), `${kind} ${r.customer_no}`);
    }
    for (const r of sink.all('readings')) check(meters.has(r.meter_no ?? ''), `reading ${r.meter_no}`);
    for (const r of sink.all('work_order_status'))
      check(orders.has(r.order_no) && (r.employee_no === undefined || employees.has(r.employee_no)), r.order_no);
    for (const r of sink.all('work_orders')) check(employees.has(r.responsible_employee_no ?? ''), r.order_no);
    for (const r of sink.all('calls'))
      check(employees.has(r.agent_employee_no ?? '') && orders.has(r.order_no ?? ''), r.call_id);
    for (const r of sink.all('employee_operations')) check(employees.has(r.employee_no), r.operation_id);
    for (const r of sink.all('notices')) check(!r.outage_id || outages.has(r.outage_id), r.notice_id);
    for (const r of sink.all('traces')) check(!r.employee_no || employees.has(r.employee_no), r.source_id);
    expect(bad).toEqual([]);
  });

  it('puts every field it generates into a column of its file', () => {
    const dropped: string[] = [];
    for (const kind of IMPORT_ORDER.filter((k) => k !== 'calls')) {
      const columns = new Set(fileColumns(kind));
      for (const record of sink.all(kind).slice(0, 5000)) {
        for (const key of Object.keys(record))
          if (!columns.has(key) && !dropped.includes(`${kind}.${key}`)) dropped.push(`${kind}.${key}`);
      }
    }
    expect(dropped).toEqual([]);
  });

  it('dates nothing after the end of October 2026', () => {
    const end = Date.parse('2026-11-01T00:00:00+08:00');
    const times: string[] = [
      ...sink.all('payments').map((r) => r.paid_at),
      ...sink.all('bills').map((r) => r.issued_on),
      ...sink.all('readings').map((r) => `${r.date}T00:00:00+08:00`),
      ...sink.all('work_orders').flatMap((r) => [r.created_at, r.closed_at ?? r.created_at]),
      ...sink.all('work_order_status').map((r) => r.at),
      ...sink.all('calls').map((r) => r.ended_at),
      ...sink.all('outages').flatMap((r) => [r.started_at, r.restored_at ?? r.started_at]),
      ...sink.all('notices').map((r) => r.sent_at),
      ...sink.all('employee_operations').map((r) => r.at),
      ...sink.all('credit_reports').map((r) => r.reported_on),
      ...sink.all('traces').map((r) => r.occurred_at),
    ];
    expect(times.length).toBeGreaterThan(100_000);
    const future = times.filter((t) => !(Date.parse(t.length === 10 ? `${t}T00:00:00+08:00` : t) < end));
    expect(future.slice(0, 5)).toEqual([]);
  });

  it('makes outage-sensitive customers raise far more outage cases than others', () => {
    const sensitive = customersWith('outage_sensitive');
    const orders = sink
      .all('work_orders')
      .filter((o) => ['outage', 'outage_notice', 'repair_timeliness'].includes(o.topic_code));
    const m = perCustomer(
      orders.map((o) => o.customer_no ?? ''),
      (no) => sensitive.has(no),
    );
    expect(m.with).toBeGreaterThan(4 * m.without);
    expect(m.without).toBeGreaterThan(0); // noise: others call too
  });

  it('makes outage-sensitive customers ask ahead about planned work, outage or not', () => {
    const sensitive = customersWith('outage_sensitive');
    const enquiries = sink.all('work_orders').filter((o) => o.topic_code === 'outage_schedule');
    const m = perCustomer(
      enquiries.map((o) => o.customer_no ?? ''),
      (no) => sensitive.has(no),
    );
    expect(m.with).toBeGreaterThan(1.5);
    expect(m.without).toBeLessThan(m.with / 20);
  });

  it('makes escalation-prone customers take grievances straight to 12345 or 12398', () => {
    const prone = customersWith('escalation_prone');
    const referrals = sink
      .all('traces')
      .filter(
        (t) =>
          t.trace_type === 'work_order_created' &&
          t.attributes?.escalated_to !== undefined &&
          t.attributes.repeat_of === undefined,
      );
    const m = perCustomer(
      referrals.map((t) => t.customer_no ?? ''),
      (no) => prone.has(no),
    );
    expect(m.with).toBeGreaterThan(0.9);
    expect(m.without).toBeGreaterThan(0); // noise: anyone may ring 12345
    expect(m.without).toBeLessThan(m.with / 15);
  });

  it('makes fee-sensitive customers ask about bills and chronic late payers pay late and get cut off', () => {
    const fee = customersWith('fee_sensitive');
    const feeOrders = sink.all('work_orders').filter((o) => o.topic_code === 'fee' || o.topic_code === 'billing_error');
    const f = perCustomer(
      feeOrders.map((o) => o.customer_no ?? ''),
      (no) => fee.has(no),
    );
    expect(f.with).toBeGreaterThan(5 * f.without);
    const late = customersWith('chronic_late_payer');
    const latePayments = sink
      .all('payments')
      .filter((p) => p.due_date !== undefined && p.paid_at.slice(0, 10) > p.due_date);
    const l = perCustomer(
      latePayments.map((p) => p.customer_no ?? ''),
      (no) => late.has(no),
    );
    expect(l.with).toBeGreaterThan(5 * l.without);
    const cuts = sink.all('employee_operations').filter((o) => o.operation === 'disconnection');
    const c = perCustomer(
      cuts.map((o) => o.customer_no ?? ''),
      (no) => late.has(no),
    );
    expect(c.with).toBeGreaterThan(10 * c.without + 0.5);
  });

  it('has a court list some chronic late payers as dishonest, and a registry a few reliable payers as trustworthy', () => {
    const late = customersWith('chronic_late_payer');
    const reports = sink.all('credit_reports');
    const dishonest = reports.filter((r) => r.verdict === 'dishonest');
    const honoured = reports.filter((r) => r.verdict === 'honoured');
    // Only late payers are listed as dishonest, about 15 % of them; no late payer as trustworthy.
    expect(dishonest.filter((r) => !late.has(r.customer_no ?? ''))).toEqual([]);
    expect(dishonest.length / late.size).toBeGreaterThan(0.05);
    expect(dishonest.length / late.size).toBeLessThan(0.3);
    expect(honoured.length).toBeGreaterThan(0);
    expect(honoured.filter((r) => late.has(r.customer_no ?? ''))).toEqual([]);
    expect(dishonest.every((r) => r.agency.endsWith('中级人民法院'))).toBe(true);
    // Within the world's last nine months.
    expect(reports.every((r) => r.reported_on >= '2026-01-31' && r.reported_on <= '2026-10-31')).toBe(true);
  });

  it('makes repeat complainers complain and escalation-prone customers escalate', () => {
    const repeat = customersWith('repeat_complainer');
    const complaints = sink.all('work_orders').filter((o) => o.order_type === 'complaint');
    const r = perCustomer(
      complaints.map((o) => o.customer_no ?? ''),
      (no) => repeat.has(no),
    );
    expect(r.with).toBeGreaterThan(2);
    expect(r.with).toBeGreaterThan(8 * r.without);
    const prone = customersWith('escalation_prone');
    const escalations = sink
      .all('traces')
      .filter((t) => t.trace_type === 'social_post' || t.attributes?.escalated_to !== undefined);
    const e = perCustomer(
      escalations.map((t) => t.customer_no ?? ''),
      (no) => prone.has(no),
    );
    expect(e.with).toBeGreaterThan(5 * e.without);
  });

  it('lets each service trait show in a year of traces, and non-holders sometimes act alike', () => {
    const customers = truth.flatMap((l) => (l.type === 'customer' ? [l.customer_no] : []));
    // Share of holders and of everyone else for whom `shows` holds.
    const shares = (trait: string, shows: (no: string) => boolean) => {
      const holders = customersWith(trait);
      const share = (group: string[]) => group.filter(shows).length / Math.max(1, group.length);
      return {
        holders: share(customers.filter((no) => holders.has(no))),
        others: share(customers.filter((no) => !holders.has(no))),
      };
    };
    const tally = (nos: Iterable<string>) => {
      const n = new Map<string, number>();
      for (const no of nos) n.set(no, (n.get(no) ?? 0) + 1);
      return (no: string) => n.get(no) ?? 0;
    };
    const calls = truth.filter((l): l is Extract<GroundTruthLine, { type: 'call' }> => l.type === 'call');
    const angry = tally(calls.filter((c) => c.customer_angry).map((c) => c.customer_no));
    const orders = sink.all('work_orders');
    const complaints = tally(orders.filter((o) => o.order_type === 'complaint').map((o) => o.customer_no ?? ''));
    const outageCalls = tally(
      orders
        .filter((o) => o.topic_code === 'outage' || o.topic_code === 'outage_notice')
        .map((o) => o.customer_no ?? ''),
    );
    const traces = sink.all('traces');
    const escalations = tally(
      traces.filter((t) => t.attributes?.escalated_to !== undefined).map((t) => t.customer_no ?? ''),
    );
    const bigPosts = tally(
      traces
        .filter((t) => t.trace_type === 'social_post' && Number(t.attributes?.followers) >= 5000)
        .map((t) => t.customer_no ?? ''),
    );

    const emotional = shares('emotional', (no) => angry(no) >= 2);
    expect(emotional.holders).toBeGreaterThan(0.65);
    expect(emotional.others).toBeGreaterThan(0);
    const prone = shares('escalation_prone', (no) => escalations(no) >= 1);
    expect(prone.holders).toBeGreaterThan(0.65);
    expect(prone.others).toBeGreaterThan(0);
    const repeat = shares('repeat_complainer', (no) => complaints(no) >= 3);
    expect(repeat.holders).toBeGreaterThan(0.8);
    expect(repeat.others).toBeGreaterThan(0);
    const influence = shares('high_social_influence', (no) => bigPosts(no) >= 1);
    expect(influence.holders).toBeGreaterThan(0.65);
    expect(influence.others).toBeGreaterThan(0);
    const outage = shares('outage_sensitive', (no) => outageCalls(no) >= 1);
    expect(outage.holders).toBeGreaterThan(0.8);
    expect(outage.others).toBeLessThan(outage.holders / 3);
  });

  it('shows a thief as a sustained drop against his own history', () => {
    const thieves = truth.flatMap((l) =>
      l.type === 'customer' && l.theft_from ? [{ no: l.customer_no, from: l.theft_from }] : [],
    );
    expect(thieves.length).toBeGreaterThan(3);
    const meterOf = new Map(sink.all('meters').map((m) => [m.customer_no, m.meter_no]));
    for (const thief of thieves) {
      const rows = sink.all('readings').filter((r) => r.meter_no === meterOf.get(thief.no));
      const mean = (list: typeof rows) => list.reduce((s, r) => s + r.kwh, 0) / Math.max(1, list.length);
      const before = mean(rows.filter((r) => r.date < thief.from));
      const after = mean(rows.filter((r) => r.date >= thief.from));
      expect(after / before).toBeLessThan(0.7);
    }
  });

  it('stops the daily readings of a failed collection 4–20 days before the end', () => {
    const silent = truth.flatMap((l) =>
      l.type === 'customer' && l.readings_stop_from ? [{ no: l.customer_no, from: l.readings_stop_from }] : [],
    );
    expect(silent.length).toBeGreaterThan(0);
    const meterOf = new Map(sink.all('meters').map((m) => [m.customer_no, m.meter_no]));
    const lastDay = sink
      .all('readings')
      .map((r) => r.date)
      .sort()
      .at(-1);
    const lastReadOf = new Map<string, string>();
    for (const { meter_no: meter = '', date } of sink.all('readings'))
      if (date > (lastReadOf.get(meter) ?? '')) lastReadOf.set(meter, date);
    const customerOf = new Map(sink.all('customers').map((c) => [c.customer_no, c]));
    const silentAreas = new Set(truth.flatMap((l) => (l.type === 'transformer_area' ? [l.transformer_area_id] : [])));
    for (const meter of silent) {
      const line = truth.find((l) => l.type === 'customer' && l.customer_no === meter.no);
      // A meter under a failed concentrator stops with its area, without a failure of its own.
      const underSilentArea = silentAreas.has(customerOf.get(meter.no)?.transformer_area_id ?? '');
      if (underSilentArea) expect(line?.type === 'customer' && line.traits).not.toContain('collection_failure');
      else expect(line?.type === 'customer' && line.traits).toContain('collection_failure');
      const last = lastReadOf.get(meterOf.get(meter.no) ?? '') ?? '';
      expect(last < meter.from).toBe(true);
      const behind = (Date.parse(lastDay ?? '') - Date.parse(last)) / 86_400_000;
      expect(behind).toBeGreaterThanOrEqual(4);
      expect(behind).toBeLessThanOrEqual(21);
    }
  });

  it("silences every meter of a failed concentrator's area on the same day", () => {
    const failed = truth.flatMap((l) => (l.type === 'transformer_area' ? [l] : []));
    expect(failed.length).toBeGreaterThan(0);
    const areaOfMeter = new Map(sink.all('meters').map((m) => [m.meter_no, m.transformer_area_id]));
    const newestOf = new Map<string, string>();
    for (const { meter_no: meter = '', date } of sink.all('readings')) {
      const area = areaOfMeter.get(meter) ?? '';
      if (date > (newestOf.get(area) ?? '')) newestOf.set(area, date);
    }
    const newest = (area: string) => newestOf.get(area) ?? '';
    const companyNewest = [...newestOf.values()].sort().at(-1) ?? '';
    for (const area of failed) {
      expect(area.traits).toEqual(['concentrator_failure']);
      // Not one reading of the area on or after the stop day; the day before, some.
      expect(newest(area.transformer_area_id) < area.collection_stop_from).toBe(true);
      const behind = (Date.parse(companyNewest) - Date.parse(newest(area.transformer_area_id))) / 86_400_000;
      expect(behind).toBeGreaterThanOrEqual(4);
      expect(behind).toBeLessThanOrEqual(21);
    }
  });

  it('writes varied transcripts whose text shows exactly the planted QA violations', () => {
    const calls = new Map<string, CallRecord>(sink.all('calls').map((c) => [c.call_id, c]));
    const lines = truth.filter((l): l is Extract<GroundTruthLine, { type: 'call' }> => l.type === 'call');
    expect(lines.length).toBe(calls.size);
    const planted = new Set<string>();
    for (const line of lines) {
      const call = calls.get(line.call_id);
      expect(call?.turns?.length).toBeGreaterThan(3);
      expect([...violationsInTranscript(call?.turns ?? [], line.customer_angry)].sort()).toEqual(
        [...line.violations].sort(),
      );
      for (const v of line.violations) planted.add(v);
    }
    expect(planted.size).toBe(QA_VIOLATION_CODES.length);
    const openings = new Set([...calls.values()].map((c) => c.turns?.find((t) => t.speaker === 'customer')?.text));
    expect(openings.size).toBeGreaterThan(calls.size / 4);
    const clean = lines.filter((l) => l.violations.length === 0).length;
    expect(clean / lines.length).toBeGreaterThan(0.6);
  });
});
