/**
 * QA engine throughput: `npx tsx bench/qa-bench.ts [--transcripts N] [--rules R] [--naive M]`.
 * Generates N synthetic transcripts (src/qa/bench-data.ts) and an R-rule scheme (the default
 * 95598 rules plus generated keyword/regex/proximity rules), then measures transcripts/s on
 * one core for the compiled engine over all N and for the naive evaluator over the first M
 * (the naive one is an order of magnitude slower; M keeps the run short). Prints a table and
 * a final JSON line.
 */
import { benchScheme, benchTranscript } from '../src/qa/bench-data.js';
import { compileScheme } from '../src/qa/compile-scheme.js';
import { inspect } from '../src/qa/inspect.js';
import { inspectNaive, prepareNaive } from '../src/qa/naive.js';
import { DEFAULT_95598_SCHEME } from '../src/qa/schemes/default-95598/index.js';
import type { Transcript } from '../src/qa/transcript.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const transcriptCount = flag('transcripts', 100_000);
const ruleCount = flag('rules', 500);
const naiveCount = Math.min(flag('naive', 5_000), transcriptCount);

const scheme = benchScheme(DEFAULT_95598_SCHEME, ruleCount);
let started = performance.now();
const compiled = compileScheme(scheme);
const compileMs = performance.now() - started;
const naive = prepareNaive(scheme);

// Warm up both (JIT, jieba dictionary load) on transcripts outside the measured runs.
for (let i = 0; i < 200; i++) {
  const t = benchTranscript(transcriptCount + i);
  inspect(compiled, t);
  inspectNaive(naive, t);
}

// Transcripts stream in batches (as calls do), and the two evaluators alternate batch by
// batch, so a machine shared with other work slows both alike and the ratio stays fair.
const BATCH = 1_000;
const batches = Math.ceil(transcriptCount / BATCH);
const naivePerBatch = Math.max(1, Math.round(naiveCount / batches));
let compiledMs = 0;
let naiveMs = 0;
let naiveDone = 0;
let generateMs = 0;
let chars = 0;
let turnCount = 0;
let hits = 0;
let scoreSum = 0;
let disagreements = 0;
let compared = 0;
for (let b = 0; b < batches; b++) {
  started = performance.now();
  const size = Math.min(BATCH, transcriptCount - b * BATCH);
  const batch: Transcript[] = Array.from({ length: size }, (_, i) => benchTranscript(b * BATCH + i));
  generateMs += performance.now() - started;
  for (const t of batch) for (const turn of t.turns) chars += turn.text.length;
  for (const t of batch) turnCount += t.turns.length;

  started = performance.now();
  const results = batch.map((t) => inspect(compiled, t));
  compiledMs += performance.now() - started;
  for (const r of results) {
    hits += r.hits.length;
    scoreSum += r.score;
  }

  const sample = batch.slice(0, naivePerBatch);
  started = performance.now();
  const naiveResults = sample.map((t) => inspectNaive(naive, t));
  naiveMs += performance.now() - started;
  naiveDone += sample.length;
  naiveResults.forEach((r, i) => {
    compared++;
    if (r.score !== results[i]?.score || r.hits.length !== results[i]?.hits.length) disagreements++;
  });
}

const compiledRate = transcriptCount / (compiledMs / 1000);
const naiveRate = naiveDone / (naiveMs / 1000);
const rows: [string, string][] = [
  [
    'transcripts',
    `${transcriptCount} (${(chars / transcriptCount).toFixed(0)} chars, ${(turnCount / transcriptCount).toFixed(1)} turns avg; generated in ${(generateMs / 1000).toFixed(1)} s, not timed)`,
  ],
  [
    'rules',
    `${compiled.rules.length} (${compiled.matcher.patterns.length} automaton patterns, ${compiled.plans.length} text plans; compiled in ${compileMs.toFixed(0)} ms)`,
  ],
  [
    'compiled engine',
    `${compiledRate.toFixed(0)} transcripts/s per core (${(compiledMs / transcriptCount).toFixed(3)} ms each)`,
  ],
  ['naive evaluator', `${naiveRate.toFixed(0)} transcripts/s per core (over ${naiveDone}, interleaved)`],
  ['ratio', `${(compiledRate / naiveRate).toFixed(1)}×`],
  [
    'mean hits / score',
    `${(hits / transcriptCount).toFixed(1)} hits, score ${(scoreSum / transcriptCount).toFixed(1)}`,
  ],
  ['score disagreements', `${disagreements} of ${compared} compared (score and hit count)`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
console.log(
  JSON.stringify({
    bench: 'qa',
    transcripts: transcriptCount,
    rules: compiled.rules.length,
    compiledPerSecond: Math.round(compiledRate),
    naivePerSecond: Math.round(naiveRate),
    ratio: Number((compiledRate / naiveRate).toFixed(1)),
    disagreements,
  }),
);
