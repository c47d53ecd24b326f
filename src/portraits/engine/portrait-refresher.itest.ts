import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertTrace, seedOrgUnits } from '../../../test/support/api-world.js';
import { insertTransformerArea } from '../../../test/support/consumption-readings.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { PortraitEngine } from './portrait-engine.js';
import { PortraitRefresher } from './portrait-refresher.js';
import { readPortrait } from './portrait-store.js';

let t: TestDb;
let engine: PortraitEngine;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  engine = new PortraitEngine(t.db);
});

afterAll(async () => {
  await t.drop();
});

const bill = (customerId: number) =>
  insertTrace(t.db, {
    customerId,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    traceType: 'app_query',
    channel: 'app',
    attributes: { query: 'bill' },
  });

const staleKeys = async () =>
  (
    await t.db.query<{ subject_key: string }>(
      "SELECT subject_key FROM portrait_dirty WHERE subject_kind = 'customer' ORDER BY subject_key",
    )
  ).map((r) => r.subject_key);

describe('portrait refresher queue', () => {
  it('refreshes the subject stale longest first, even when it changed again since', async () => {
    const first = await insertCustomer(t.db);
    const second = await insertCustomer(t.db);
    await t.db.query('DELETE FROM portrait_dirty');
    await bill(first.customerId);
    await bill(second.customerId);
    await bill(first.customerId); // a newer change to the first must not send it to the back
    const refresher = new PortraitRefresher(t.db, engine, { batchSize: 1 });
    expect(await refresher.drainOnce()).toBe(1);
    expect(await staleKeys()).toEqual([String(second.customerId)]);
    expect((await readPortrait(t.db, 'customer', String(first.customerId)))?.features).toMatchObject({
      bill_queries_12m: 2,
    });
  });

  it('drains in the background, batch after batch, and stops cleanly', async () => {
    const customers = await Promise.all([1, 2, 3, 4, 5].map(() => insertCustomer(t.db)));
    await t.db.query('DELETE FROM portrait_dirty');
    for (const c of customers) await bill(c.customerId);
    let refreshed = 0;
    // The customers' refresher, as the server runs it (areas have their own, slower one).
    const refresher = new PortraitRefresher(t.db, engine, {
      kinds: ['customer', 'employee'],
      batchSize: 2,
      idleMs: 10,
      onRefreshed: (_kind, keys) => {
        refreshed += keys.length;
      },
    });
    refresher.start();
    const deadline = Date.now() + 10_000;
    while ((await staleKeys()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await refresher.stop();
    expect(await staleKeys()).toEqual([]);
    expect(refreshed).toBe(5);
    for (const c of customers) {
      expect((await readPortrait(t.db, 'customer', String(c.customerId)))?.features).toMatchObject({
        bill_queries_12m: 1,
      });
    }
  });

  it('clears only the marks it read: a mark stamped before a newer one but committed after the read survives', async () => {
    const [x, z] = [await insertCustomer(t.db), await insertCustomer(t.db)];
    await t.db.query('DELETE FROM portrait_dirty');
    await bill(x.customerId);
    await bill(z.customerId);
    const read = new Map(
      (
        await t.db.query<{ subject_key: string; marked_at: string }>(
          "SELECT subject_key, marked_at::text AS marked_at FROM portrait_dirty WHERE subject_kind = 'customer'",
        )
      ).map((r) => [r.subject_key, r.marked_at]),
    );
    const prepared = await engine.prepareRefresh('customer', [...read.keys()], new Date());
    // An ingest transaction that stamped x's mark between the two reads' marks and committed
    // only now: newer than what was read for x, older than the newest mark of the batch (z's).
    await t.db.query(
      `UPDATE portrait_dirty SET marked_at = $2::timestamptz + ($3::timestamptz - $2::timestamptz) / 2
       WHERE subject_kind = 'customer' AND subject_key = $1`,
      [String(x.customerId), read.get(String(x.customerId)), read.get(String(z.customerId))],
    );
    await engine.commit(prepared, read);
    expect(await staleKeys()).toEqual([String(x.customerId)]);
  });

  it('marks a customer whose record changed what the portrait reads, and refreshes it; an update that changes nothing it reads marks nothing', async () => {
    const [becomesSpecial, newPhone] = [await insertCustomer(t.db), await insertCustomer(t.db)];
    expect(await staleKeys()).toEqual(
      expect.arrayContaining([String(becomesSpecial.customerId), String(newPhone.customerId)]),
    );
    const refresher = new PortraitRefresher(t.db, engine);
    while ((await refresher.drainOnce()) > 0);
    expect((await readPortrait(t.db, 'customer', String(becomesSpecial.customerId)))?.tags).not.toContain(
      'special_customer',
    );
    // A re-import of the record as 特殊客户, and one with only a new phone number.
    await t.db.query(
      "UPDATE customer SET special = true, special_category = 'public_figure', updated_at = now() WHERE customer_id = $1",
      [becomesSpecial.customerId],
    );
    await t.db.query("UPDATE customer SET phone = '13900000000', updated_at = now() WHERE customer_id = $1", [
      newPhone.customerId,
    ]);
    expect(await staleKeys()).toEqual([String(becomesSpecial.customerId)]);
    await refresher.drainOnce();
    const portrait = await readPortrait(t.db, 'customer', String(becomesSpecial.customerId));
    expect(portrait?.features).toMatchObject({ special: 1, public_figure: 1 });
    expect(portrait?.tags).toContain('special_customer');
  });

  it('marks the areas a customer leaves and joins, and those a new customer joins; not on a change the portraits do not read', async () => {
    const [from, to] = [await insertTransformerArea(t.db), await insertTransformerArea(t.db)];
    const mover = await insertCustomer(t.db);
    await t.db.query('UPDATE customer SET transformer_area_id = $1 WHERE customer_id = $2', [from, mover.customerId]);
    await t.db.query('DELETE FROM portrait_dirty');
    const staleAreas = async () =>
      (
        await t.db.query<{ subject: string }>(
          "SELECT subject_kind || ':' || subject_key AS subject FROM portrait_dirty WHERE subject_kind <> 'customer' ORDER BY 1",
        )
      ).map((r) => r.subject);

    await t.db.query("UPDATE customer SET phone = '13900000001' WHERE customer_id = $1", [mover.customerId]);
    expect(await staleAreas()).toEqual([]);

    await t.db.query('UPDATE customer SET transformer_area_id = $1 WHERE customer_id = $2', [to, mover.customerId]);
    expect(await staleAreas()).toEqual(
      [`feeder:F${from}`, `feeder:F${to}`, 'grid:HN01010101', 'station:HN010101', `transformer_area:${from}`, `transformer_area:${to}`].sort(),
    );

    await t.db.query('DELETE FROM portrait_dirty');
    await insertCustomer(t.db, { orgUnitId: 'HN0102' });
    // A customer not yet placed in a transformer area belongs to its org unit's areas only.
    expect(await staleAreas()).toEqual(['grid:HN0102', 'station:HN0102']);
  });

  it('computes the same portraits in parts side by side as in one statement set', async () => {
    const customers = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => insertCustomer(t.db)));
    for (const [i, c] of customers.entries()) for (let n = 0; n <= i % 3; n++) await bill(c.customerId);
    const keys = customers.map((c) => String(c.customerId));
    const asOf = new Date();
    const whole = await new PortraitEngine(t.db, { parallelism: 1 }).prepareRefresh('customer', keys, asOf);
    const inParts = await new PortraitEngine(t.db, { parallelism: 3, minPartSize: 1 }).prepareRefresh(
      'customer',
      keys,
      asOf,
    );
    const byKey = (p: typeof whole) => new Map(p.portraits.map((x) => [x.key, x.values]));
    expect(byKey(inParts)).toEqual(byKey(whole));
    expect(inParts.portraits.map((p) => p.values.features.bill_queries_12m).sort()).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});
