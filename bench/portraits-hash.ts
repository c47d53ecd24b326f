/**
 * A content hash of everything a portrait rebuild writes, to check that a change to the
 * rebuild leaves its results byte for byte as they were: the current customer and subject
 * portraits (values as stored text, tags, catalog version, validity), every history row's
 * key and validity, the credit ledger and the consumption tables (less their wall-clock
 * columns). Run it on two copies of one world rebuilt as of the same instant.
 *
 *   npx tsx bench/portraits-hash.ts --database gridcare_perf_a [--rebuild 2026-11-01T00:00:00Z]
 *
 * --rebuild T first rebuilds every portrait as of T (on a copy: a rebuild as of a time before
 * the stored history writes nothing). GRIDCARE_BENCH_DATABASE_URL names the server as in
 * portraits-bench.ts.
 */
import { openDb } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createPortraitEngine } from '../src/portraits/portraits.js';

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const database = option('database');
if (!database) throw new Error('--database <name> is required');
const serverUrl = process.env.GRIDCARE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(serverUrl);
url.pathname = `/${database}`;

/** Each part: a label and a query whose rows, in order, are folded into one md5. */
const PARTS: Array<[string, string]> = [
  [
    'customer_portrait (current)',
    `SELECT customer_id, valid_from, feature_values::text, tags::text, scores::text, grades::text, credit_score, credit_grade,
       fee_risk_class, complaint_risk, content_hash, catalog_version
     FROM customer_portrait WHERE valid_to IS NULL ORDER BY customer_id`,
  ],
  [
    'customer_portrait (history keys)',
    'SELECT customer_id, valid_from, valid_to, content_hash FROM customer_portrait ORDER BY customer_id, valid_from',
  ],
  [
    'subject_portrait',
    `SELECT subject_kind, subject_key, valid_from, valid_to, features::text, tags::text, scores::text, grades::text,
       content_hash, catalog_version
     FROM subject_portrait ORDER BY subject_kind, subject_key, valid_from`,
  ],
  ['credit_ledger', 'SELECT * FROM credit_ledger ORDER BY customer_id, month'],
  ['consumption_month', 'SELECT * FROM consumption_month ORDER BY customer_id, month'],
  ['consumption_daily_summary', 'SELECT * FROM consumption_daily_summary ORDER BY customer_id'],
  ['consumption_peer', 'SELECT * FROM consumption_peer ORDER BY transformer_area_id, segment'],
  ['consumption_peer_month', 'SELECT * FROM consumption_peer_month ORDER BY transformer_area_id, segment, month'],
  ['consumption_profile', `SELECT to_jsonb(p) - 'computed_at' FROM consumption_profile p ORDER BY customer_id`],
];

const db = await openDb({ databaseUrl: url.toString() });
try {
  await migrate(db);
  const rebuildAt = option('rebuild');
  if (rebuildAt) {
    const started = performance.now();
    const result = await createPortraitEngine(db).rebuild({ asOf: new Date(rebuildAt) });
    console.log(
      `rebuilt ${result.subjects} subjects (${result.written} written) as of ${rebuildAt} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  for (const [label, sql] of PARTS) {
    const rows = await db.query<{ n: number; md5: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, E'\\n' ORDER BY ord)) AS md5
       FROM (SELECT x, row_number() OVER () AS ord FROM (${sql}) x) numbered`,
    );
    console.log(`${label}: ${rows[0]?.n} rows, md5 ${rows[0]?.md5}`);
  }
} finally {
  await db.close();
}
