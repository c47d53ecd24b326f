import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createGroundTruthMemory, type GroundTruthLine } from '../demo/ground-truth.js';
import { createMemorySink } from '../demo/memory-sink.js';
import { DEFAULT_END_MONTH, DEFAULT_MONTHS, generateDemoWorld } from '../demo/world.js';
import { AppError } from '../errors.js';
import { formatEvaluation, inspectPlanted, type PlantedCall, tallyViolations } from '../qa/eval/index.js';
import { compileScheme, DEFAULT_95598_SCHEME, VIOLATION_RULES } from '../qa/index.js';
import { registerEvalPortraitsCommand } from './eval-portraits-command.js';

interface EvalQaFlags {
  seed: string;
  customers: string;
  months: string;
  from?: string;
}

function integer(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new AppError('CONFIG_INVALID', `--${name} must be an integer ≥ ${min} (got ${value})`);
  return n;
}

async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  if (!existsSync(file))
    throw new AppError('IMPORT_FILE_UNREADABLE', `${file} does not exist; write it with \`gridcare demo --out DIR\``);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as T;
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE', `${file} line ${n} is not JSON`);
    }
  }
}

/** Planted codes per call id from the ground-truth lines. */
function plantedByCall(lines: Iterable<GroundTruthLine>): Map<string, readonly string[]> {
  const planted = new Map<string, readonly string[]>();
  for (const line of lines) if (line.type === 'call') planted.set(line.call_id, line.violations);
  return planted;
}

async function loadFromDir(dir: string): Promise<{ calls: PlantedCall[]; planted: Map<string, readonly string[]> }> {
  const truth: GroundTruthLine[] = [];
  for await (const line of jsonLines<GroundTruthLine>(path.join(dir, 'ground-truth.jsonl'))) truth.push(line);
  const calls: PlantedCall[] = [];
  for await (const call of jsonLines<PlantedCall>(path.join(dir, 'calls.jsonl'))) calls.push(call);
  return { calls, planted: plantedByCall(truth) };
}

async function generateInMemory(seed: number, customers: number, months: number) {
  const sink = createMemorySink();
  const truth = createGroundTruthMemory();
  await generateDemoWorld({ seed, customers, months, endMonth: DEFAULT_END_MONTH }, sink, truth);
  return { calls: sink.all('calls'), planted: plantedByCall(truth.lines) };
}

/** `gridcare eval qa`: precision and recall of the default QA scheme on planted violations. */
export function registerEvalCommand(program: Command): void {
  const evaluate = program.command('eval').description('Measure engines against the demo world’s ground truth');
  evaluate
    .command('qa')
    .description('Inspect every demo call with the default 95598 scheme; precision/recall per planted violation')
    .option('--seed <s>', 'demo world seed', '20261123')
    .option('--customers <n>', 'customers in the generated world', '2000')
    .option('--months <m>', 'months of history', String(DEFAULT_MONTHS))
    .option('--from <dir>', 'read calls.jsonl and ground-truth.jsonl of `gridcare demo --out DIR` instead')
    .action(async (flags: EvalQaFlags) => {
      const source = flags.from
        ? await loadFromDir(path.resolve(flags.from))
        : await generateInMemory(
            integer(flags.seed, 'seed', Number.MIN_SAFE_INTEGER),
            integer(flags.customers, 'customers', 1),
            integer(flags.months, 'months', 1),
          );
      const compiled = compileScheme(DEFAULT_95598_SCHEME);
      const evaluation = tallyViolations(inspectPlanted(compiled, source.calls, source.planted), VIOLATION_RULES);
      process.stdout.write(`${formatEvaluation(evaluation)}\n${JSON.stringify(evaluation)}\n`);
    });
  registerEvalPortraitsCommand(evaluate);
}
