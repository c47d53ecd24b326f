import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/gridcare_bench_portraits_20000' });
await c.connect();
const rows = (await c.query("SELECT customer_id::text k, features f, to_jsonb(tags) t, tags, scores s, grades g, content_hash h, catalog_version cv FROM customer_portrait WHERE valid_to IS NULL ORDER BY random() LIMIT 2000")).rows;
const cv = rows[0].cv;
const doc = JSON.stringify(rows.map((r) => ({ k: r.k, f: r.f, t: r.t, s: r.s, g: r.g, h: r.h })));
async function run(label: string, fn: () => Promise<unknown>) {
  await c.query('BEGIN');
  await c.query("UPDATE customer_portrait SET valid_to = now() + interval '1 hour' WHERE valid_to IS NULL AND customer_id = ANY($1::bigint[])", [rows.map((r) => r.k)]);
  const t0 = performance.now();
  await fn();
  console.log(label, (performance.now() - t0).toFixed(0), 'ms');
  await c.query('ROLLBACK');
}
for (let i = 0; i < 3; i++) {
  await run('jsonb doc', () => c.query(`INSERT INTO customer_portrait (customer_id, valid_from, features, tags, scores, grades, credit_score, credit_grade, fee_risk_class, complaint_risk, content_hash, catalog_version)
       SELECT r.k::bigint, now() + interval '1 hour', r.f, ARRAY(SELECT jsonb_array_elements_text(r.t)), r.s, r.g, (r.s->>'credit')::real,
         r.g->>'credit_grade', (r.g->>'fee_risk_class')::smallint, (r.s->>'complaint_risk')::real, r.h, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(k text, f jsonb, t jsonb, s jsonb, g jsonb, h text)`, [doc, cv]));
  await run('text arrays', () => c.query(`INSERT INTO customer_portrait (customer_id, valid_from, features, tags, scores, grades, credit_score, credit_grade, fee_risk_class, complaint_risk, content_hash, catalog_version)
       SELECT r.k, now() + interval '1 hour', r.f::jsonb, ARRAY(SELECT jsonb_array_elements_text(r.t::jsonb)), r.s::jsonb, r.g::jsonb, (r.s::jsonb->>'credit')::real,
         r.g::jsonb->>'credit_grade', (r.g::jsonb->>'fee_risk_class')::smallint, (r.s::jsonb->>'complaint_risk')::real, r.h, $7
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(k, f, t, s, g, h)`,
       [rows.map((r) => r.k), rows.map((r) => JSON.stringify(r.f)), rows.map((r) => JSON.stringify(r.t)), rows.map((r) => JSON.stringify(r.s)), rows.map((r) => JSON.stringify(r.g)), rows.map((r) => r.h), cv]));
}
await c.end();
