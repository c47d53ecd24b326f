/**
 * `npm run bench`: runs every benchmark in bench/ one after another (each is a standalone
 * script printing its own table and a final JSON line), so one slow or failing benchmark
 * does not hide the others' figures. Pass names to run a subset: `npm run bench -- import qa`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('-bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const result = spawnSync('npx', ['tsx', `${here}${file}`], { stdio: 'inherit', env: process.env });
  console.log(`=== ${file}: ${result.status === 0 ? 'ok' : `failed (${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
