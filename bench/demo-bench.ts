/**
 * Demo world generation rate and peak memory.
 *   npx tsx bench/demo-bench.ts --customers 100000 [--months 12] [--out DIR | --null]
 * Without --out the files go to a temporary folder that is removed afterwards; --null
 * measures generation alone (records are counted and dropped).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFileSink } from '../src/demo/file-sink.js';
import { createGroundTruthFile, type GroundTruthWriter } from '../src/demo/ground-truth.js';
import { DEFAULT_END_MONTH, generateDemoWorld } from '../src/demo/world.js';
import { createProgress } from '../src/ingest/progress.js';
import type { RecordSink } from '../src/ingest/records.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    months: { type: 'string', default: '12' },
    seed: { type: 'string', default: '20261123' },
    out: { type: 'string' },
    null: { type: 'boolean', default: false },
  },
});
const customers = Number(values.customers);
const dir = values.out ?? mkdtempSync(path.join(tmpdir(), 'gridcare-demo-bench-'));

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

const nullSink: RecordSink = { write: async () => undefined, close: async () => undefined };
const nullTruth: GroundTruthWriter = { write: async () => undefined, close: async () => undefined };
const sink = values.null ? nullSink : createFileSink(dir);
const truth = values.null ? nullTruth : createGroundTruthFile(path.join(dir, 'ground-truth.jsonl'));
const progress = createProgress({ label: 'demo world', unit: 'customers', total: customers });
const summary = await generateDemoWorld(
  { customers, months: Number(values.months), seed: Number(values.seed), endMonth: DEFAULT_END_MONTH },
  sink,
  truth,
  progress,
);
await sink.close();
await truth.close();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

const rows = Object.values(summary.rows).reduce((a, b) => a + (b ?? 0), 0);
const seconds = summary.elapsedMs / 1000;
const bytes = values.null ? 0 : readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
console.log(
  JSON.stringify(
    {
      customers,
      months: Number(values.months),
      seconds: Math.round(seconds * 10) / 10,
      customersPerSecond: Math.round(customers / seconds),
      rows,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMB: Math.round(peakRss / 1e6),
      outputMB: Math.round(bytes / 1e6),
      rowsByKind: summary.rows,
    },
    null,
    2,
  ),
);
if (!values.out && !values.null) rmSync(dir, { recursive: true, force: true });
