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

let started = performance.now();
const transcripts: Transcript[] = Array.from({ length: transcriptCount }, (_, i) => benchTranscript(i));
const chars = transcripts.reduce((s, t) => s + t.turns.reduce((c, turn) => c + turn.text.length, 0), 0);
const generateMs = performance.now() - started;

const scheme = benchScheme(DEFAULT_95598_SCHEME, ruleCount);
started = performance.now();
const compiled = compileScheme(scheme);
const compileMs = performance.now() - started;
const naive = prepareNaive(scheme);

// Warm up both (JIT, jieba dictionary load) on transcripts outside the measured runs.
for (let i = 0; i < 200; i++) {
  const t = benchTranscript(transcriptCount + i);
  inspect(compiled, t);
  inspectNaive(naive, t);
}

let hits = 0;
let scoreSum = 0;
started = performance.now();
for (const t of transcripts) {
  const result = inspect(compiled, t);
  hits += result.hits.length;
  scoreSum += result.score;
}
const compiledMs = performance.now() - started;

let disagreements = 0;
started = performance.now();
for (let i = 0; i < naiveCount; i++) {
  inspectNaive(naive, transcripts[i] as Transcript);
}
const naiveMs = performance.now() - started;
for (let i = 0; i < Math.min(naiveCount, 1_000); i++) {
  const t = transcripts[i] as Transcript;
  if (inspect(compiled, t).score !== inspectNaive(naive, t).score) disagreements++;
}

const compiledRate = transcriptCount / (compiledMs / 1000);
const naiveRate = naiveCount / (naiveMs / 1000);
const rows: [string, string][] = [
  [
    'transcripts',
    `${transcriptCount} (${(chars / transcriptCount).toFixed(0)} chars, ${(transcripts.reduce((s, t) => s + t.turns.length, 0) / transcriptCount).toFixed(1)} turns avg; generated in ${(generateMs / 1000).toFixed(1)} s)`,
  ],
  [
    'rules',
    `${compiled.rules.length} (${compiled.matcher.patterns.length} automaton patterns, ${compiled.plans.length} text plans; compiled in ${compileMs.toFixed(0)} ms)`,
  ],
  [
    'compiled engine',
    `${compiledRate.toFixed(0)} transcripts/s per core (${(compiledMs / transcriptCount).toFixed(3)} ms each)`,
  ],
  ['naive evaluator', `${naiveRate.toFixed(0)} transcripts/s per core (over ${naiveCount})`],
  ['ratio', `${(compiledRate / naiveRate).toFixed(1)}×`],
  [
    'mean hits / score',
    `${(hits / transcriptCount).toFixed(1)} hits, score ${(scoreSum / transcriptCount).toFixed(1)}`,
  ],
  ['score disagreements', `${disagreements} of ${Math.min(naiveCount, 1_000)} checked`],
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
