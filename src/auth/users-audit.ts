import type { Queryable } from '../db/db.js';
import type { Actor } from './actor.js';
import { type AuditEntry, writeAudit } from './audit-log.js';
import type { RecordAudit } from './users.js';

/** Account changes made through the API, recorded as the logged-in administrator. */
export const auditAs =
  (actor: Actor): RecordAudit =>
  (db, entry) =>
    writeAudit(db, actor, entry);

/**
 * Account changes made on the server's command line: there is no logged-in account, so the
 * row has no user_id and says where it came from.
 */
export const auditFromCli: RecordAudit = async (db: Queryable, entry: AuditEntry) => {
  await db.query(
    `INSERT INTO audit_log (user_id, action, subject_type, subject_id, reason, detail)
     VALUES (NULL, $1, $2, $3, $4, $5::jsonb)`,
    [entry.action, entry.subjectType, entry.subjectId, entry.reason ?? null, JSON.stringify({ ...entry.detail, via: 'cli' })],
  );
};
