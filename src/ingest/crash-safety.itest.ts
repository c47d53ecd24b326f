import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalDump } from '../../test/ingest/canonical-dump.js';
import { writeCrashDataset } from '../../test/ingest/crash-dataset.js';
import { scratchDir } from '../../test/ingest/helpers.js';
import { createTestDb, TEST_TARGET } from '../../test/support/test-db.js';
import { openDb } from '../db/db.js';

/**
 * kill -9 at several points mid-file, then a re-run, must leave exactly the database one
 * uninterrupted run leaves: every batch commits with its bookkeeping in one transaction and
 * every write is idempotent.
 */
const CUSTOMERS = 1500;
const ENTRY = path.resolve('src/cli/dev-entry.ts');
const dataset = path.join(scratchDir(), 'world');
writeCrashDataset(dataset, CUSTOMERS);

interface Opened {
  dump: () => ReturnType<typeof canonicalDump>;
  query: (sql: string) => Promise<{ n: number }[]>;
  close(): Promise<void>;
}

interface Target {
  flags: string[];
  /** Opens the database for reading the dump (PGlite: only while no child holds it). */
  open(): Promise<Opened>;
  drop(): Promise<void>;
}

const targets: Target[] = [];
afterAll(async () => {
  for (const target of targets) await target.drop();
});

async function makeTarget(): Promise<Target> {
  if (TEST_TARGET === 'postgres') {
    const t = await createTestDb();
    return {
      flags: ['--database-url', t.url as string],
      open: async () => ({
        dump: () => canonicalDump(t.db),
        query: (sql) => t.db.query(sql),
        close: async () => undefined,
      }),
      drop: () => t.drop(),
    };
  }
  // A file-backed PGlite: one process at a time may hold it, so the test lets go while children run.
  const dataDir = scratchDir();
  const t = await createTestDb({ dataDir });
  await t.db.close();
  return {
    flags: ['--data-dir', dataDir],
    open: async () => {
      const db = await openDb({ dataDir });
      return { dump: () => canonicalDump(db), query: (sql) => db.query(sql), close: () => db.close() };
    },
    drop: async () => undefined,
  };
}

interface ImportRun {
  child: ChildProcess;
  done: Promise<number | null>;
  /** Resolves once the database is open and the import itself begins (its first line). */
  begun: Promise<void>;
  output: () => string;
}

function runImport(flags: string[]): ImportRun {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, 'import', dataset, '--batch-size', '200', '--no-progress', ...flags],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let begin: () => void = () => undefined;
  const begun = new Promise<void>((resolve) => (begin = resolve));
  const keep = (chunk: Buffer) => {
    output += chunk;
    if (output.includes('Importing ')) begin();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void done.then(() => begin());
  return { child, done, begun, output: () => output };
}

describe(`crash safety (${TEST_TARGET})`, () => {
  it('ends in the same database after kill -9 mid-import and a re-run as after one clean run', async () => {
    const reference = await makeTarget();
    targets.push(reference);
    const clean = runImport(reference.flags);
    await clean.begun;
    const started = Date.now();
    const cleanExit = await clean.done;
    // The import alone, from its first line: starting Node and opening the database take as
    // long again on a loaded machine, and a kill then would test nothing.
    const cleanMs = Date.now() - started;
    console.log(`crash-safety: clean import ${cleanMs} ms`);
    // Bills naming unknown customers are quarantined, not rejected: a clean exit.
    expect(cleanExit, clean.output()).toBe(0);
    const expected = await reference.open();
    const expectedDump = await expected.dump();
    await expected.close();
    expect(expectedDump.customer?.rows).toBe(CUSTOMERS);
    expect(expectedDump.trace_quarantine?.rows).toBe(CUSTOMERS / 50);

    const crashed = await makeTarget();
    targets.push(crashed);
    // A re-run passes the committed part quickly (unchanged rows), and the machine's load
    // changes how long any run takes, so the kill comes at a share of the clean run that
    // shrinks whenever a run finished before it: three kills land mid-run however fast the
    // re-runs are.
    let killedMidRun = 0;
    let delayMs = cleanMs * 0.55;
    for (let attempt = 0; attempt < 12 && killedMidRun < 3; attempt++) {
      const run = runImport(crashed.flags);
      await run.begun;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (run.child.exitCode === null) {
        run.child.kill('SIGKILL');
        killedMidRun += 1;
        delayMs *= 0.75;
      } else {
        delayMs *= 0.5;
      }
      await run.done;
    }
    expect(killedMidRun).toBe(3);
    const rerun = runImport(crashed.flags);
    expect(await rerun.done, rerun.output()).toBe(0);
    if (TEST_TARGET === 'pglite') {
      // The killed process left its pid file: the re-run checked every index against its table.
      expect(rerun.output()).toMatch(/was not closed by its last process/);
      expect(rerun.output()).toMatch(/tables and \d+ indexes checked: all sound\./);
    }
    const actual = await crashed.open();
    const actualDump = await actual.dump();
    // The killed runs stay visible as unfinished import runs.
    const unfinished = await actual.query("SELECT count(*)::int AS n FROM import_run WHERE status = 'running'");
    await actual.close();
    expect(unfinished[0]?.n).toBeGreaterThanOrEqual(1);
    expect(actualDump).toEqual(expectedDump);
  }, 300_000);
});
