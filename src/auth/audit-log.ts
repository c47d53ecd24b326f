import type { Queryable } from '../db/db.js';
import { type Actor, scopePattern } from './actor.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  reason?: string | undefined;
  detail?: Record<string, unknown>;
}

export async function writeAudit(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, action, subject_type, subject_id, reason, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [actor.userId, entry.action, entry.subjectType, entry.subjectId, entry.reason ?? null, JSON.stringify(entry.detail ?? {})],
  );
}

export interface AuditQuery {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  username?: string | undefined;
  action?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AuditRecord {
  id: number;
  at: string;
  user: { id: number | null; username: string | null; displayName: string | null };
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  detail: Record<string, unknown>;
}

/**
 * Newest first. A scoped reader (a city manager) sees what accounts of their scope did; an
 * unscoped one (company admin) sees everything.
 */
export async function listAudit(db: Queryable, actor: Actor, q: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
  const where = [
    `($1 = '%' OR o.path LIKE $1)`,
    `($2::text IS NULL OR a.subject_type = $2)`,
    `($3::text IS NULL OR a.subject_id = $3)`,
    `($4::text IS NULL OR u.username = $4)`,
    `($5::text IS NULL OR a.action = $5)`,
  ].join(' AND ');
  const params = [scopePattern(actor), q.subjectType ?? null, q.subjectId ?? null, q.username ?? null, q.action ?? null];
  const from = `FROM audit_log a LEFT JOIN app_user u ON u.user_id = a.user_id
    LEFT JOIN org_unit o ON o.org_unit_id = u.org_unit_id WHERE ${where}`;
  const rows = await db.query<{
    audit_id: number; at: Date; user_id: number | null; username: string | null; display_name: string | null;
    action: string; subject_type: string; subject_id: string; reason: string | null; detail: Record<string, unknown>;
  }>(
    `SELECT a.audit_id, a.at, a.user_id, u.username, u.display_name, a.action, a.subject_type, a.subject_id,
       a.reason, a.detail ${from} ORDER BY a.at DESC, a.audit_id DESC LIMIT $6 OFFSET $7`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.audit_id,
      at: new Date(r.at).toISOString(),
      user: { id: r.user_id, username: r.username, displayName: r.display_name },
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      reason: r.reason,
      detail: r.detail,
    })),
  };
}
