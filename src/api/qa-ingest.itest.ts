import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEmployee, seedOrgUnits, sessionFor, uid } from '../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../test/support/test-db.js';
import { importFile } from '../ingest/import-file.js';
import { buildApp } from './app.js';
import type { QaCallDetail } from './qa-contract.js';
import type { GridcareApp } from './types.js';

let t: TestDb;
let app: GridcareApp;
let dir: string;
let inspector: string;
let agentNo: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedOrgUnits(t.db);
  agentNo = (await insertEmployee(t.db, { name: '钱坐席' })).employeeNo;
  // The worker seeds the default scheme itself and polls every 200 ms when idle.
  app = await buildApp({ logLevel: 'silent' }, t.db, { qaWorker: true });
  inspector = await sessionFor(t.db, app, 'qa_inspector', 'HN01');
  dir = mkdtempSync(path.join(tmpdir(), 'gridcare-qa-'));
});
afterAll(async () => {
  await app.close();
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

function callLine(callId: string, agentText: string) {
  return JSON.stringify({
    call_id: callId,
    agent_employee_no: agentNo,
    channel: 'phone_95598',
    direction: 'inbound',
    started_at: '2026-10-22T14:28:10+08:00',
    ended_at: '2026-10-22T14:31:40+08:00',
    turns: [
      {
        seq: 1,
        speaker: 'agent',
        start_ms: 0,
        end_ms: 4200,
        text: '您好，国家电网95598，工号3021，请问有什么可以帮您？',
      },
      { seq: 2, speaker: 'customer', start_ms: 4500, end_ms: 11000, text: '我想问一下电费怎么交。' },
      { seq: 3, speaker: 'agent', start_ms: 11300, end_ms: 19800, text: agentText },
    ],
  });
}

async function importCalls(lines: string[]): Promise<void> {
  const file = path.join(dir, `${uid('calls-')}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const summary = await importFile(t.db, file, { kind: 'calls', source: '95598', progress: false });
  expect(summary.rejected).toBe(0);
}

/** Polls the API until the call's result satisfies `ready`; returns it with the time it took. */
async function waitForResult(callId: string, ready: (d: QaCallDetail) => boolean, limitMs: number) {
  const started = performance.now();
  for (;;) {
    const detail = (
      await app.inject({ method: 'GET', url: `/api/v1/qa/calls/${callId}`, headers: { cookie: inspector } })
    ).json<QaCallDetail>();
    const ms = performance.now() - started;
    if (ready(detail) || ms > limitMs) return { detail, ms };
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('inspection on ingest', () => {
  it('shows the result of an imported call through the API within 1 s, and re-inspects a corrected transcript', async () => {
    const callId = uid('CALL-');
    await importCalls([callLine(callId, '不归我们管，你自己去查。')]);
    const first = await waitForResult(callId, (d) => d.result !== null, 5000);
    expect(first.detail.result?.hits.map((h) => h.ruleCode)).toContain('forbidden.shirking');
    expect(first.ms).toBeLessThan(1000);

    // The same call re-imported with a corrected turn: the upsert updates the row, the update
    // trigger marks the call, and the new result supersedes the old one.
    await importCalls([callLine(callId, '您可以通过网上国网缴费，感谢您的来电，再见。')]);
    const second = await waitForResult(
      callId,
      (d) => d.result !== null && d.result.resultId !== first.detail.result?.resultId,
      5000,
    );
    expect(second.ms).toBeLessThan(1000);
    expect(second.detail.result?.hits.map((h) => h.ruleCode)).not.toContain('forbidden.shirking');
    expect(second.detail.otherResults.map((r) => r.resultId)).toEqual([first.detail.result?.resultId]);
    const pending = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM qa_pending WHERE call_id = $1', [
      callId,
    ]);
    expect(pending[0]?.n).toBe(0);
  });

  it('marks a batch of calls in the same transaction as their turns (one statement-level trigger run)', async () => {
    const ids = [uid('CALL-'), uid('CALL-'), uid('CALL-')];
    await t.db.transaction(async (tx) => {
      for (const id of ids) {
        await tx.query(
          `INSERT INTO call (call_id, agent_employee_id, channel, direction, started_at, ended_at)
           VALUES ($1, NULL, 'phone_95598', 'inbound', '2026-05-01T00:00:00Z', '2026-05-01T00:02:00Z')`,
          [id],
        );
      }
      await tx.query(
        `INSERT INTO call_turn (call_id, seq, speaker, start_ms, end_ms, text)
         SELECT id, s, 'agent', s * 1000, s * 1000 + 500, '您好' FROM unnest($1::text[]) AS id, generate_series(1, 2) AS s`,
        [ids],
      );
      // Inside the transaction the marks are there; the worker cannot see them before commit.
      const marked = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM qa_pending WHERE call_id = ANY($1::text[])',
        [ids],
      );
      expect(marked[0]?.n).toBe(3);
    });
    const done = async () =>
      (
        await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM qa_result WHERE call_id = ANY($1::text[])', [
          ids,
        ])
      )[0]?.n;
    const started = performance.now();
    while ((await done()) !== 3 && performance.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
    expect(await done()).toBe(3);
  });
});
