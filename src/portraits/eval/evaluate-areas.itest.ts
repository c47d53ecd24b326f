import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildClock } from '../../demo/clock.js';
import { createGroundTruthMemory } from '../../demo/ground-truth.js';
import { generateDemoWorld } from '../../demo/world.js';
import { createDbSink } from '../../ingest/db-sink.js';
import { createPortraitEngine } from '../portraits.js';
import { evaluateAreaPortraits } from './evaluate-portraits.js';

// Seed 7 at 400 customers has three transformer areas; the concentrator of TA0000002 sends
// nothing from 2026-10-17 (planConcentratorFailures), the other two report to the end.
let t: TestDb;
const truth = createGroundTruthMemory();
const SILENT = 'TA0000002';

beforeAll(async () => {
  t = await createTestDb();
  const sink = createDbSink(t.db, { source: 'demo' });
  await generateDemoWorld({ customers: 400, months: 2, seed: 7, endMonth: '2026-10' }, sink, truth);
  await sink.close();
  await createPortraitEngine(t.db).rebuild({ asOf: new Date(buildClock('2026-10', 2).endMs - 1) });
}, 600_000);
afterAll(async () => {
  await t.drop();
});

describe('a failed concentrator in the demo world', () => {
  it('is planted in the ground truth and found by the area tag 台区采集中断, and by nothing else', async () => {
    const planted = truth.lines.filter((l) => l.type === 'transformer_area');
    expect(planted.map((l) => l.type === 'transformer_area' && l.transformer_area_id)).toEqual([SILENT]);

    const { areas, scores } = await evaluateAreaPortraits(t.db, truth.lines);
    expect(areas).toBe(3);
    expect(scores).toEqual([
      expect.objectContaining({ tag: 'collection_stopped', planted: 1, tagged: 1, precision: 1, recall: 1 }),
    ]);
    const [silent] = await t.db.query<{ behind: number }>(
      `SELECT (features->>'collection_behind_days')::int AS behind FROM subject_portrait
       WHERE subject_kind = 'transformer_area' AND subject_key = $1 AND valid_to IS NULL`,
      [SILENT],
    );
    // Read to 10-16 against 10-30: a rebuild as of the world's last instant reads complete days.
    expect(silent?.behind).toBe(14);
  });

  it("flags none of the area's own meters: each is as far as its neighbours", async () => {
    const rows = await t.db.query<{ customers: number; stopped: number; behind: number }>(
      `SELECT count(*)::int AS customers,
              count(*) FILTER (WHERE 'readings_stopped' = ANY(p.tags))::int AS stopped,
              max(p.feature_values[array_position(pc.customer_features, 'days_behind_peers')])::int AS behind
       FROM customer_portrait p JOIN customer c USING (customer_id) JOIN portrait_catalog pc USING (catalog_version)
       WHERE c.transformer_area_id = $1 AND p.valid_to IS NULL`,
      [SILENT],
    );
    // A meter's own day missed (the demo drops 0.3 % of days) leaves it a day behind, no more.
    expect(rows[0]).toMatchObject({ stopped: 0 });
    expect(rows[0]?.behind).toBeLessThanOrEqual(1);
    expect(rows[0]?.customers).toBeGreaterThan(100);
  });
});
