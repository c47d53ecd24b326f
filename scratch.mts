import { openDb } from './src/db/db.js';
import { createPortraitEngine } from './src/portraits/portraits.js';
import { dbNow } from './src/portraits/engine/portrait-engine.js';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/gridcare_bench_portraits_20000' });
const engine = createPortraitEngine(db);
const keys = (await db.query<{k: string}>("SELECT subject_key AS k FROM portrait_source_state ORDER BY subject_key LIMIT 1000 OFFSET 5000")).map(r => r.k);
await db.query(`INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, source, source_id, attributes)
  SELECT now() - interval '1 hour', 'app_query', 'app', 'inbound', k::bigint, 'scratch', 'x' || k || random()::text, '{"query":"bill"}' FROM unnest($1::text[]) k`, [keys]);
const marks = await db.query<{k: string; changes: string[]; ids: string[] | null}>("SELECT subject_key k, changes, trace_ids::text[] ids FROM portrait_dirty WHERE subject_kind='customer' AND subject_key = ANY($1)", [keys]);
console.log('marks', marks.length, marks[0]);
const changes = new Map(marks.map(m => [m.k, m.changes]));
for (let i = 0; i < 2; i++) {
  const t0 = Date.now();
  const p = await engine.prepareRefresh('customer', keys, await dbNow(db), changes);
  console.log('prepare ms', Date.now() - t0, 'applied', p.sourceStates.applied.size, 'states', p.sourceStates.states.size);
}
await db.close();
