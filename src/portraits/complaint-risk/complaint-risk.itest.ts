import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, seedOrgUnits, sessionFor, uid } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { buildApp } from '../../api/app.js';
import type { GridcareApp } from '../../api/types.js';
import { readPortrait } from '../engine/portrait-store.js';
import { createPortraitEngine } from '../portraits.js';
import { sigmoid } from './logistic-regression.js';
import { liveModels, saveLiveModel } from './model-store.js';
import { trainComplaintRisk } from './train-complaint-risk.js';

const DAY = 86_400_000;
/** The end of the constructed history: the hold-out window is the 30 days before it. */
const AS_OF = new Date('2026-06-30T00:00:00Z');
const daysBefore = (days: number) => new Date(AS_OF.getTime() - days * DAY);

let t: TestDb;
let complainers: Array<{ customerId: number; customerNo: string }>;
let quiet: Array<{ customerId: number; customerNo: string }>;

/** Work orders in one set-based insert. */
async function insertWorkOrders(orders: Array<{ customerId: number; type: string; topic: string; at: Date }>) {
  await t.db.query(
    `INSERT INTO work_order (order_no, customer_id, case_id, order_type, topic_code, status, channel, created_at)
     SELECT o, c, 'CASE-' || o, ty, tp, 'closed', 'phone_95598', at
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[]) AS u(o, c, ty, tp, at)`,
    [
      orders.map(() => uid('WO')),
      orders.map((o) => o.customerId),
      orders.map((o) => o.type),
      orders.map((o) => o.topic),
      orders.map((o) => o.at),
    ],
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  // 15 habitual complainers (a fee complaint every 20 days, offset per customer, for 400 days)
  // and 30 customers who only ask questions now and then.
  complainers = [];
  for (let i = 0; i < 15; i++) complainers.push(await insertCustomer(t.db));
  quiet = [];
  for (let i = 0; i < 30; i++) quiet.push(await insertCustomer(t.db));
  const orders: Array<{ customerId: number; type: string; topic: string; at: Date }> = [];
  complainers.forEach((c, i) => {
    for (let day = 400 - i; day > 0; day -= 20) {
      orders.push({ customerId: c.customerId, type: 'complaint', topic: 'fee', at: daysBefore(day) });
    }
  });
  quiet.forEach((c, i) => {
    for (let day = 390 - 7 * i; day > 0; day -= 90) {
      orders.push({ customerId: c.customerId, type: 'consultation', topic: 'fee', at: daysBefore(day) });
    }
  });
  await insertWorkOrders(orders);
});
afterAll(async () => {
  await t.drop();
});

describe('complaint-risk model on constructed history', () => {
  it('leaves the score and its level out of a portrait while no model is trained', async () => {
    const engine = createPortraitEngine(t.db);
    const key = String(complainers[0]?.customerId);
    await engine.refresh('customer', [key], AS_OF);
    const stored = await readPortrait(t.db, 'customer', key);
    expect(stored?.scores).not.toHaveProperty('complaint_risk');
    expect(stored?.grades).not.toHaveProperty('complaint_risk_level');
    expect(engine.catalog.scores.map((s) => s.code)).not.toContain('complaint_risk');
  });

  it('trains on the earlier windows and measures AUC on the later hold-out', async () => {
    const trained = await trainComplaintRisk(t.db, { asOf: AS_OF, trainingWindows: 2 });
    const m = trained.metrics;
    // Every habitual complainer complains in every 30-day window; no one else does.
    expect(m.positives).toBe(30);
    expect(m.trainRows).toBe(90);
    expect(m.holdoutRows).toBe(45);
    expect(m.holdoutPositives).toBe(15);
    expect(m.auc).toBeGreaterThan(0.9);
    expect(m.baselineAuc).toBeGreaterThan(0.9);
    expect(m.windows.map((w) => w.role)).toEqual(['train', 'train', 'holdout']);
    expect(m.windows[2]).toEqual({
      featuresAt: daysBefore(30).toISOString(),
      labelsUntil: AS_OF.toISOString(),
      role: 'holdout',
    });
    // Past complaints push the risk up; inputs that never vary (no traces here) are not in the model.
    expect(trained.weights.features.complaints_12m?.weight).toBeGreaterThan(0);
    expect(trained.weights.features).not.toHaveProperty('social_posts_12m');
    // Counts are read as log(1 + count), flags as they are.
    expect(trained.weights.features.complaints_12m?.transform).toBe('log1p');
    for (const w of Object.values(trained.weights.features)) expect([undefined, 'log1p']).toContain(w.transform);
    // The intercept is refitted after the class-weighted fit, so predictions match the rate (1 in 3).
    expect(m.holdoutMeanPredictedPct).toBeCloseTo(100 / 3, 0);
    const saved = await saveLiveModel(t.db, { modelCode: 'complaint_risk', trainedAsOf: AS_OF, ...trained });
    expect(saved).toMatchObject({ version: 1, status: 'live' });
  });

  it('scores a portrait with the live model: the probability in %, its level and the column the segments read', async () => {
    const engine = createPortraitEngine(t.db);
    const keys = [...complainers, ...quiet].map((c) => String(c.customerId));
    await engine.refresh('customer', keys, AS_OF);
    const model = (await liveModels(t.db)).get('complaint_risk');
    if (!model) throw new Error('no live model');
    const complainer = await readPortrait(t.db, 'customer', String(complainers[0]?.customerId));
    const other = await readPortrait(t.db, 'customer', String(quiet[0]?.customerId));
    if (!complainer || !other) throw new Error('portraits missing');
    // The same formula by hand from the stored weights and the stored features: counts enter
    // as log(1 + count).
    let z = model.weights.intercept;
    for (const [code, w] of Object.entries(model.weights.features)) {
      const value = complainer.features[code];
      const x = value === null || value === undefined ? w.center : w.transform === 'log1p' ? Math.log1p(value) : value;
      z += (w.weight * (x - w.center)) / w.scale;
    }
    expect(complainer.scores.complaint_risk).toBeCloseTo(100 * sigmoid(z), 1);
    expect(complainer.scores.complaint_risk).toBeGreaterThan(other.scores.complaint_risk ?? 100);
    expect(complainer.grades.complaint_risk_level).toBe('high');
    expect(other.grades.complaint_risk_level).toBe('low');
    const column = await t.db.query<{ complaint_risk: number }>(
      'SELECT complaint_risk FROM customer_portrait WHERE customer_id = $1 AND valid_to IS NULL',
      [complainers[0]?.customerId],
    );
    expect(column[0]?.complaint_risk).toBeCloseTo(complainer.scores.complaint_risk ?? 0, 1);
  });

  it('explains the score: named contributions with values, centers and signs, largest first', async () => {
    const engine = createPortraitEngine(t.db);
    const app: GridcareApp = await buildApp({ logLevel: 'silent' }, t.db, { portraitEngine: engine });
    try {
      await engine.reloadCatalog();
      const agent = await sessionFor(t.db, app, 'agent', 'HN');
      const c = complainers[0] as { customerNo: string };
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${c.customerNo}/portrait/why?element=score:complaint_risk`,
        headers: { cookie: agent },
      });
      expect(res.statusCode).toBe(200);
      const why = res.json();
      expect(why.method).toBe('weighted');
      expect(typeof why.intercept).toBe('number');
      const top = why.contributions[0];
      expect(top.contribution).toBeGreaterThan(0);
      expect(top.name.zh).toBeTruthy();
      expect(top.value).toBeGreaterThan(top.center);
      const magnitudes = why.contributions.map((x: { contribution: number }) => Math.abs(x.contribution));
      expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
      // value = 100·σ(intercept + Σ contributions)
      const z = why.contributions.reduce((s: number, x: { contribution: number }) => s + x.contribution, why.intercept);
      expect(why.value).toBeCloseTo(100 * sigmoid(z), 1);
      // The complaints behind the top features are listed as evidence.
      const complaints = why.features.find((f: { code: string }) => f.code === 'complaints_12m');
      expect(complaints.items.length).toBeGreaterThan(0);
      expect(complaints.items[0].kind).toBe('work_order:complaint');

      const grade = await app.inject({
        method: 'GET',
        url: `/api/v1/customers/${c.customerNo}/portrait/why?element=grade:complaint_risk_level`,
        headers: { cookie: agent },
      });
      expect(grade.json()).toMatchObject({ grade: 'high', score: 'complaint_risk' });
    } finally {
      await app.close();
    }
  });

  it('a running engine takes up a newly trained model at its next refresh, and retires the old one', async () => {
    const engine = createPortraitEngine(t.db);
    await engine.reloadCatalog();
    expect(engine.catalog.scores.find((s) => s.code === 'complaint_risk')?.version).toBe(1);
    const retrained = await trainComplaintRisk(t.db, { asOf: AS_OF, trainingWindows: 1, l2: 1 });
    const v2 = await saveLiveModel(t.db, { modelCode: 'complaint_risk', trainedAsOf: AS_OF, ...retrained });
    expect(v2.version).toBe(2);
    await engine.refresh('customer', [String(quiet[1]?.customerId)], new Date(AS_OF.getTime() + DAY));
    expect(engine.catalog.scores.find((s) => s.code === 'complaint_risk')?.version).toBe(2);
    const statuses = await t.db.query<{ version: number; status: string }>(
      "SELECT version, status FROM portrait_model WHERE model_code = 'complaint_risk' ORDER BY version",
    );
    expect(statuses.map((r) => [Number(r.version), r.status])).toEqual([
      [1, 'retired'],
      [2, 'live'],
    ]);
  });

  it('refuses to train where the windows hold no complaint', async () => {
    await expect(trainComplaintRisk(t.db, { asOf: daysBefore(1000) })).rejects.toMatchObject({
      code: 'RISK_MODEL_NO_HISTORY',
    });
  });
});
