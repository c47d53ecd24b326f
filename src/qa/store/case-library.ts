/** Case library (案例库, Q3): typical and excellent calls with tags and teaching notes, for training. */
import type { QaCaseLibraryEntry, QaCaseLibraryReply, QaCaseLibraryRequest } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import { likeEscape } from './job-calls.js';
import { resolveCallFor, scopeCondition } from './qa-access.js';
import { FINAL_SCORE } from './result-summary.js';
import { SqlParams } from './sql-params.js';
import { iso, userColumns, userRef } from './user-ref.js';

const ENTRY_FROM = `FROM qa_case_library l JOIN call k ON k.call_id = l.call_id
  LEFT JOIN employee e ON e.employee_id = k.agent_employee_id LEFT JOIN org_unit o ON o.org_unit_id = e.org_unit_id
  LEFT JOIN app_user u ON u.user_id = l.created_by
  LEFT JOIN qa_result r ON r.call_id = l.call_id AND r.topic_id IS NULL AND r.superseded_at IS NULL`;

const ENTRY_COLUMNS = `l.entry_id, l.call_id, l.kind, l.title, l.tags, l.teaching_note, l.created_at, l.updated_at,
  e.employee_no, e.name AS employee_name, k.started_at, CASE WHEN r.result_id IS NULL THEN NULL ELSE ${FINAL_SCORE} END AS final_score, ${userColumns('u', 'creator')}`;

type EntryRow = {
  entry_id: number;
  call_id: string;
  kind: 'typical' | 'excellent';
  title: string;
  tags: string[];
  teaching_note: string;
  created_at: Date;
  updated_at: Date;
  employee_no: string | null;
  employee_name: string | null;
  started_at: Date;
  final_score: number | null;
} & Record<string, unknown>;

const toEntry = (r: EntryRow): QaCaseLibraryEntry => ({
  entryId: r.entry_id,
  callId: r.call_id,
  kind: r.kind,
  title: r.title,
  tags: r.tags,
  teachingNote: r.teaching_note,
  agent: r.employee_no ? { employeeNo: r.employee_no, name: r.employee_name ?? '' } : null,
  startedAt: iso(r.started_at) as string,
  finalScore: r.final_score,
  createdBy: userRef(r, 'creator'),
  createdAt: iso(r.created_at) as string,
  updatedAt: iso(r.updated_at) as string,
});

export interface CaseLibraryQuery {
  q?: string | undefined;
  tag?: string | undefined;
  kind?: 'typical' | 'excellent' | undefined;
  page: number;
  pageSize: number;
}

export async function searchCaseLibrary(db: Queryable, actor: Actor, q: CaseLibraryQuery): Promise<QaCaseLibraryReply> {
  const p = new SqlParams();
  const where = [scopeCondition(actor, p, 'k.agent_employee_id', 'o.path')];
  const text = q.q?.trim();
  if (text) {
    const like = p.add(`%${likeEscape(text)}%`);
    where.push(
      `(l.title ILIKE ${like} OR l.teaching_note ILIKE ${like} OR EXISTS (SELECT 1 FROM unnest(l.tags) AS t WHERE t ILIKE ${like}))`,
    );
  }
  if (q.tag) where.push(`${p.add(q.tag)} = ANY(l.tags)`);
  if (q.kind) where.push(`l.kind = ${p.add(q.kind)}`);
  const from = `${ENTRY_FROM} WHERE ${where.join(' AND ')}`;
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, p.values);
  const limit = p.add(q.pageSize);
  const offset = p.add((q.page - 1) * q.pageSize);
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} ${from} ORDER BY l.updated_at DESC, l.entry_id DESC LIMIT ${limit} OFFSET ${offset}`,
    p.values,
  );
  return { items: rows.map(toEntry), total: count[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getCaseEntry(db: Queryable, actor: Actor, entryId: number): Promise<QaCaseLibraryEntry> {
  const rows = await db.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} WHERE l.entry_id = $1`, [entryId]);
  const row = rows[0];
  if (!row) throw notFound(`Case library entry ${entryId}`);
  await resolveCallFor(db, actor, row.call_id);
  return toEntry(row);
}

const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];

export async function addCaseEntry(db: Db, actor: Actor, req: QaCaseLibraryRequest): Promise<QaCaseLibraryEntry> {
  await resolveCallFor(db, actor, req.callId);
  const id = await db.transaction(async (tx) => {
    const rows = await tx.query<{ entry_id: number }>(
      `INSERT INTO qa_case_library (call_id, kind, title, tags, teaching_note, created_by)
       VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING entry_id`,
      [req.callId, req.kind, req.title, cleanTags(req.tags), req.teachingNote, actor.userId],
    );
    const entryId = rows[0]?.entry_id as number;
    await writeAudit(tx, actor, {
      action: 'qa_case_add',
      subjectType: 'qa_case_library',
      subjectId: String(entryId),
      detail: { callId: req.callId },
    });
    return entryId;
  });
  return getCaseEntry(db, actor, id);
}

export async function updateCaseEntry(
  db: Db,
  actor: Actor,
  entryId: number,
  req: Omit<QaCaseLibraryRequest, 'callId'>,
): Promise<QaCaseLibraryEntry> {
  await getCaseEntry(db, actor, entryId);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE qa_case_library SET kind = $2, title = $3, tags = $4::text[], teaching_note = $5, updated_at = now() WHERE entry_id = $1`,
      [entryId, req.kind, req.title, cleanTags(req.tags), req.teachingNote],
    );
    await writeAudit(tx, actor, {
      action: 'qa_case_update',
      subjectType: 'qa_case_library',
      subjectId: String(entryId),
    });
  });
  return getCaseEntry(db, actor, entryId);
}

export async function deleteCaseEntry(db: Db, actor: Actor, entryId: number): Promise<void> {
  const entry = await getCaseEntry(db, actor, entryId);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM qa_case_library WHERE entry_id = $1', [entryId]);
    await writeAudit(tx, actor, {
      action: 'qa_case_delete',
      subjectType: 'qa_case_library',
      subjectId: String(entryId),
      detail: { callId: entry.callId, title: entry.title },
    });
  });
}
