import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/gridcare_bench_portraits_20000' });
await c.connect();
const rows = (await c.query("SELECT customer_id::text k, features f, to_jsonb(tags) t, scores s, grades g, content_hash h FROM customer_portrait WHERE valid_to IS NULL ORDER BY random() LIMIT 2000")).rows;
const doc = JSON.stringify(rows.map((r) => ({ k: r.k, f: r.f, t: r.t, s: r.s, g: r.g, h: r.h })));
const r6 = (x: number) => Math.abs(x) >= 1e15 || Number.isInteger(x) ? x : Number(x.toPrecision(6));
const doc6 = JSON.stringify(rows.map((r) => ({ k: r.k, f: Object.fromEntries(Object.entries(r.f).map(([k, v]) => [k, typeof v === 'number' ? r6(v) : v])), t: r.t, s: r.s, g: r.g, h: r.h })));
console.log('doc bytes', doc.length, 'rounded', doc6.length);
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  await c.query('SELECT 1 WHERE $1::text IS NOT NULL', [doc]);
  const tSend = performance.now() - t0;
  t0 = performance.now();
  await c.query('SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS r(k text, f jsonb, t jsonb, s jsonb, g jsonb, h text)', [doc]);
  const tParse = performance.now() - t0;
  t0 = performance.now();
  await c.query('SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS r(k text, f jsonb, t jsonb, s jsonb, g jsonb, h text)', [doc6]);
  const tParse6 = performance.now() - t0;
  console.log(`send ${tSend.toFixed(0)} parse+recordset ${tParse.toFixed(0)} rounded ${tParse6.toFixed(0)}`);
}
console.log(JSON.stringify(rows[0].f).slice(0, 400));
await c.end();
