import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgUnits } from '../../../test/support/api-world.js';
import { insertReadingCustomer, insertTransformerArea, YEAR_END } from '../../../test/support/consumption-readings.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import type { PortraitEngine } from '../engine/portrait-engine.js';
import { TIME_CHANGE } from '../engine/source-types.js';
import { createPortraitEngine } from '../portraits.js';
import { explainSubjectElement } from '../subjects/portrait-shape.js';
import { customersFallenBehindTheirArea } from './behind-area.js';
import { consumptionView } from './consumption-view.js';
import { rebuildConsumptionProfiles } from './rebuild.js';

// 采集中断: a meter that stopped reporting while its neighbours went on is told apart from an
// area (or an import) delivered late as a whole, and the sweep's `time` reruns the profile of
// that meter, whose readings stopped and so mark nothing.

let t: TestDb;
let engine: PortraitEngine;
const neighbours: number[] = [];
const lateArea: number[] = [];
let silent: number;
let area: string;
let late: string;

const daysOfOctober = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-10-${String(from + i).padStart(2, '0')}`);

interface StoppedRow {
  last_read_on: string | null;
  area_read_until: string | null;
  days_behind_peers: number | null;
  patterns: string[];
  advice: string[];
  as_of: Date;
}
const profile = async (customerId: number) =>
  (
    await t.db.query<StoppedRow>(
      `SELECT last_read_on::text, area_read_until::text, days_behind_peers, patterns, advice, as_of
       FROM consumption_profile WHERE customer_id = $1`,
      [customerId],
    )
  )[0];

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  engine = createPortraitEngine(t.db);
  area = await insertTransformerArea(t.db);
  for (let i = 0; i < 6; i++)
    neighbours.push((await insertReadingCustomer(t.db, area, { baseKwh: 5 + i, seed: 400 + i })).customerId);
  silent = (await insertReadingCustomer(t.db, area, { baseKwh: 6, seed: 410, gaps: daysOfOctober(22, 31) })).customerId;
  // A whole area whose last six days had not arrived (a late collection run).
  late = await insertTransformerArea(t.db);
  for (let i = 0; i < 6; i++)
    lateArea.push(
      (await insertReadingCustomer(t.db, late, { baseKwh: 5 + i, seed: 500 + i, gaps: daysOfOctober(26, 31) }))
        .customerId,
    );
});

afterAll(async () => {
  await t?.drop();
});

describe('readings stopped (采集中断)', () => {
  it('flags a meter ten days behind its reporting neighbours, not an area read late as a whole', async () => {
    await rebuildConsumptionProfiles(t.db, { asOf: YEAR_END });
    expect(await profile(silent)).toMatchObject({
      last_read_on: '2026-10-21',
      area_read_until: '2026-10-31',
      days_behind_peers: 10,
      patterns: expect.arrayContaining(['readings_stopped']),
      advice: expect.arrayContaining(['collection_repair']),
    });
    for (const id of neighbours)
      expect(await profile(id)).toMatchObject({ last_read_on: '2026-10-31', days_behind_peers: 0 });
    for (const id of lateArea) {
      const p = await profile(id);
      expect(p).toMatchObject({ last_read_on: '2026-10-25', area_read_until: '2026-10-25', days_behind_peers: 0 });
      expect(p?.patterns).not.toContain('readings_stopped');
    }
  });

  it('finds the transformer area that fell silent as a whole (a concentrator), which its customers cannot see', async () => {
    const prepared = await engine.prepareRefresh('transformer_area', [area, late], YEAR_END);
    const values = new Map(prepared.portraits.map((p) => [p.key, p.values]));
    expect(values.get(late)?.features.collection_behind_days).toBe(6);
    expect(values.get(late)?.tags).toContain('collection_stopped');
    expect(values.get(area)?.features.collection_behind_days).toBe(0);
    expect(values.get(area)?.tags).not.toContain('collection_stopped');

    // The customer's consumption panel says so, for a meter that is not behind its neighbours.
    await engine.commit(prepared);
    const silentAreaView = await consumptionView(t.db, lateArea[0] as number, 'zh-CN');
    expect(silentAreaView.profile?.areaCollectionStopped).toEqual({ transformerAreaId: late, daysBehindCompany: 6 });
    expect((await consumptionView(t.db, neighbours[0] as number, 'zh-CN')).profile?.areaCollectionStopped).toBeNull();

    // The tag's why names the day the area was last read and the company's.
    const why = await explainSubjectElement(t.db, engine, 'transformer_area', late, 'tag:collection_stopped', {
      label: `transformer area ${late}`,
    });
    const behind = why.features.find((f) => f.code === 'collection_behind_days');
    expect(behind?.items.map((i) => i.detail)).toEqual([`${late} 最新读数日 2026-10-25，全公司 2026-10-31`]);
  });

  it("reruns a silent meter's profile for time once its area has been read further, and no one else's", async () => {
    // As of 22 October everyone had been read to the 21st: nobody is behind.
    const earlier = new Date('2026-10-22T00:00:00+08:00');
    await rebuildConsumptionProfiles(t.db, { asOf: earlier });
    expect(await profile(silent)).toMatchObject({ last_read_on: '2026-10-21', days_behind_peers: 0 });

    // The neighbours' readings up to the 31st arrive and mark them; the silent meter's do not.
    const keys = neighbours.map(String);
    await engine.refresh('customer', keys, YEAR_END, undefined, new Map(keys.map((k) => [k, ['readings']])));
    expect((await profile(silent))?.days_behind_peers).toBe(0);
    expect(await customersFallenBehindTheirArea(t.db, [silent, ...neighbours, ...lateArea])).toEqual([silent]);

    // The sweep marks the silent meter and a neighbour with time alone.
    const sweptAt = new Date(YEAR_END.getTime() + 3_600_000);
    const swept = [String(silent), String(neighbours[0])];
    const prepared = await engine.prepareRefresh(
      'customer',
      swept,
      sweptAt,
      new Map(swept.map((k) => [k, [TIME_CHANGE]])),
    );
    const silentPortrait = prepared.portraits.find((p) => p.key === String(silent))?.values;
    expect(silentPortrait?.features).toMatchObject({ readings_stopped: 1, days_behind_peers: 10 });
    expect(silentPortrait?.tags).toContain('readings_stopped');
    expect((await profile(silent))?.as_of.getTime()).toBe(sweptAt.getTime());
    // The neighbour's profile is the one its readings made.
    expect((await profile(neighbours[0] as number))?.as_of.getTime()).toBe(YEAR_END.getTime());
    // Seen once, the gap is not rerun again until the area moves on.
    expect(await customersFallenBehindTheirArea(t.db, [silent])).toEqual([]);

    // The transformer area counts its meters whose readings stopped.
    await engine.commit(prepared);
    const areaPrepared = await engine.prepareRefresh('transformer_area', [area], sweptAt);
    expect(areaPrepared.portraits[0]?.values.features.readings_stopped_customers).toBe(1);
  });
});
