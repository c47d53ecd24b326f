import { openDb } from './src/db/db.js';
import { createPortraitEngine } from './src/portraits/portraits.js';
import { dbNow } from './src/portraits/engine/portrait-engine.js';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/gridcare_bench_portraits_20000' });
const engine = createPortraitEngine(db);
for (let round = 0; round < 4; round++) {
  await db.query('DELETE FROM portrait_dirty');
  const keys = (await db.query<{k: string}>("SELECT customer_id::text AS k FROM customer ORDER BY random() LIMIT 2000")).map(r => r.k);
  let t0 = performance.now();
  await db.query(`INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, source, source_id, attributes)
    SELECT now() - interval '1 hour', 'app_query', 'app', 'inbound', k::bigint, 'scratch', 'z' || k || random()::text, '{"query":"bill"}' FROM unnest($1::text[]) k`, [keys]);
  const tIns = performance.now() - t0;
  const marks = await db.query<{k: string; changes: string[]; m: string}>("SELECT subject_key k, changes, marked_at::text m FROM portrait_dirty WHERE subject_kind='customer'");
  t0 = performance.now();
  const p = await engine.prepareRefresh('customer', marks.map(m => m.k), await dbNow(db), new Map(marks.map(m => [m.k, m.changes])));
  const tPrep = performance.now() - t0;
  t0 = performance.now();
  await engine.commit(p, new Map(marks.map(m => [m.k, m.m])));
  const tCommit = performance.now() - t0;
  console.log(`insert 2000 traces ${tIns.toFixed(0)} ms; prepare ${tPrep.toFixed(0)} ms; commit ${tCommit.toFixed(0)} ms`);
}
await db.query('DELETE FROM portrait_dirty');
await db.close();
