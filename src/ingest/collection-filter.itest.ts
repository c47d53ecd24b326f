import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { forgetCollectionPoints } from '../traces/collection-points.js';
import { acceptTraceBatch } from './trace-batch.js';

let t: TestDb;
let customerNo: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  customerNo = (await insertCustomer(t.db)).customerNo;
});
afterAll(async () => t.drop());

const login = (id: string, occurred_at: string, attributes: Record<string, unknown> = {}) => ({
  source_id: id,
  occurred_at,
  trace_type: 'app_login',
  channel: 'app',
  customer_no: customerNo,
  attributes,
});

describe('collection points at ingest', () => {
  it('keeps one app login per customer and hour, across batches, and a re-post changes nothing', async () => {
    const first = await acceptTraceBatch(t.db, 'app', [
      login('l1', '2026-03-01T10:00:00+08:00'),
      login('l2', '2026-03-01T10:20:00+08:00'),
    ]);
    expect(first.map((r) => r.status)).toEqual(['accepted', 'not_collected']);
    expect(first[1]?.reason).toMatch(/collection point/);
    const later = await acceptTraceBatch(t.db, 'app', [
      login('l3', '2026-03-01T10:40:00+08:00'),
      login('l4', '2026-03-01T11:30:00+08:00'),
    ]);
    expect(later.map((r) => r.status)).toEqual(['not_collected', 'accepted']);
    const again = await acceptTraceBatch(t.db, 'app', [
      login('l1', '2026-03-01T10:00:00+08:00'),
      login('l4', '2026-03-01T11:30:00+08:00'),
    ]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const stored = await t.db.query<{ source_id: string }>(
      `SELECT source_id FROM trace WHERE source = 'app' AND trace_type = 'app_login' ORDER BY source_id`,
    );
    expect(stored.map((r) => r.source_id)).toEqual(['l1', 'l4']);
  });

  it('leaves out switched-off types and trims attributes to the listed keys', async () => {
    await t.db.query(
      `INSERT INTO collection_point (trace_type, enabled) VALUES ('social_post', false)
       ON CONFLICT (trace_type) DO UPDATE SET enabled = false`,
    );
    await t.db.query(
      `INSERT INTO collection_point (trace_type, detail, attributes) VALUES ('hall_visit', 'listed', '{business}')
       ON CONFLICT (trace_type) DO UPDATE SET detail = 'listed', attributes = '{business}'`,
    );
    forgetCollectionPoints(t.db);
    const results = await acceptTraceBatch(t.db, 'hall', [
      {
        source_id: 's1',
        occurred_at: '2026-03-02T09:00:00+08:00',
        trace_type: 'social_post',
        channel: 'social_media',
        customer_no: customerNo,
      },
      {
        source_id: 'h1',
        occurred_at: '2026-03-02T09:00:00+08:00',
        trace_type: 'hall_visit',
        channel: 'hall',
        customer_no: customerNo,
        attributes: { business: '缴费', wait_minutes: 12 },
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(['not_collected', 'accepted']);
    const hall = await t.db.query<{ attributes: Record<string, unknown> }>(
      `SELECT attributes FROM trace WHERE source = 'hall' AND source_id = 'h1'`,
    );
    expect(hall[0]?.attributes).toEqual({ business: '缴费' });
  });
});
