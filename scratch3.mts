import { openDb } from './src/db/db.js';
import { createPortraitEngine } from './src/portraits/portraits.js';
import { dbNow } from './src/portraits/engine/portrait-engine.js';
import { plannedTransaction } from './src/portraits/engine/planned-transaction.js';
const db = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/gridcare_bench_portraits_20000' });
const engine = createPortraitEngine(db);
await engine.reloadCatalog();
const comp = engine.computer('customer') as any;
const delta = comp.deltas.get('trace');
const full = comp.compiled.find((c: any) => c.source.code === 'trace');
const cv = (await db.query<{c: string}>("SELECT catalog_version c FROM portrait_source_state LIMIT 1"))[0].c;
const keys = (await db.query<{k: string}>("SELECT subject_key AS k FROM portrait_source_state ORDER BY random() LIMIT 1000")).map(r => r.k);
await db.query(`INSERT INTO trace (occurred_at, trace_type, channel, direction, customer_id, source, source_id, attributes)
  SELECT now() - interval '1 hour', 'app_query', 'app', 'inbound', k::bigint, 'scratch', 'y' || k || random()::text, '{"query":"bill"}' FROM unnest($1::text[]) k`, [keys]);
const asOf = await dbNow(db);
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  const r1 = await plannedTransaction(db, (tx) => tx.query(delta.sql, [asOf, keys, cv, 'customer', 'trace']));
  const td = performance.now() - t0;
  t0 = performance.now();
  const r2 = await plannedTransaction(db, (tx) => tx.query(full.sql, [asOf, keys]));
  const tf = performance.now() - t0;
  console.log(`delta ${td.toFixed(0)} ms (${r1.length} rows)  full ${tf.toFixed(0)} ms (${r2.length})`);
}
const ex = await plannedTransaction(db, (tx) => tx.query<{ 'QUERY PLAN': string }>('EXPLAIN (ANALYZE, BUFFERS) ' + delta.sql.replaceAll('$1::timestamptz', `'${asOf.toISOString()}'::timestamptz`).replaceAll('$2::text[]', `'{${keys.slice(0,1000).join(',')}}'::text[]`).replaceAll('$3', `'${cv}'`).replaceAll('$4', `'customer'`).replaceAll('$5', `'trace'`)));
console.log(ex.map(r => r['QUERY PLAN']).join('\n'));
await db.query("DELETE FROM portrait_dirty");
await db.close();
