import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../auth/audit-log.js';
import type { CustomerRef } from '../customers/customer-access.js';
import type { Db, Queryable } from '../db/db.js';
import { AppError } from '../errors.js';
import { catalogFor } from './definitions/index.js';

export type NoteStance = 'confirm' | 'dispute' | 'comment';

export interface PortraitNote {
  noteId: number;
  element: string;
  stance: NoteStance;
  note: string;
  author: string;
  createdAt: string;
  supersedes: number | null;
}

/** Elements a note may be attached to: tag:/score:/grade: codes of the catalog, or 'portrait'. */
function assertKnownElement(element: string): void {
  const catalog = catalogFor('customer');
  const [type, code] = element.split(':', 2);
  const known =
    element === 'portrait' ||
    (type === 'tag' && catalog.tags.some((t) => t.code === code)) ||
    (type === 'score' && catalog.scores.some((s) => s.code === code)) ||
    (type === 'grade' && catalog.grades.some((g) => g.code === code));
  if (!known)
    throw new AppError(
      'PORTRAIT_ELEMENT_UNKNOWN',
      `${element} is not a customer tag, score or grade (use tag:<code>, score:<code>, grade:<code> or portrait)`,
      400,
      { element },
    );
}

/**
 * Staff notes on portrait elements (C9): append-only, a correction supersedes an earlier
 * note; each note is audited in the same transaction.
 */
export async function addPortraitNote(
  db: Db,
  actor: Actor,
  customer: CustomerRef,
  input: { element: string; stance: NoteStance; note: string; supersedes?: number | undefined },
): Promise<PortraitNote> {
  assertKnownElement(input.element);
  return db.transaction(async (tx) => {
    if (input.supersedes !== undefined) {
      const earlier = await tx.query('SELECT 1 FROM portrait_note WHERE note_id = $1 AND customer_id = $2', [
        input.supersedes,
        customer.customerId,
      ]);
      if (earlier.length === 0)
        throw new AppError(
          'NOT_FOUND',
          `Note ${input.supersedes} of customer ${customer.customerNo} does not exist`,
          404,
        );
    }
    const rows = await tx.query<{ note_id: number; created_at: Date }>(
      `INSERT INTO portrait_note (customer_id, element, note, stance, author_user_id, supersedes)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING note_id, created_at`,
      [customer.customerId, input.element, input.note, input.stance, actor.userId, input.supersedes ?? null],
    );
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, {
      action: 'portrait_note',
      subjectType: 'customer',
      subjectId: customer.customerNo,
      detail: {
        noteId: row.note_id,
        element: input.element,
        stance: input.stance,
        supersedes: input.supersedes ?? null,
      },
    });
    return {
      noteId: row.note_id,
      element: input.element,
      stance: input.stance,
      note: input.note,
      author: actor.displayName,
      createdAt: row.created_at.toISOString(),
      supersedes: input.supersedes ?? null,
    };
  });
}

export async function listPortraitNotes(db: Queryable, customer: CustomerRef): Promise<PortraitNote[]> {
  const rows = await db.query<{
    note_id: number;
    element: string;
    stance: NoteStance;
    note: string;
    author: string;
    created_at: Date;
    supersedes: number | null;
  }>(
    `SELECT n.note_id, n.element, n.stance, n.note, coalesce(u.display_name, u.username) AS author, n.created_at, n.supersedes
     FROM portrait_note n LEFT JOIN app_user u ON u.user_id = n.author_user_id
     WHERE n.customer_id = $1 ORDER BY n.created_at DESC, n.note_id DESC`,
    [customer.customerId],
  );
  return rows.map((r) => ({
    noteId: r.note_id,
    element: r.element,
    stance: r.stance,
    note: r.note,
    author: r.author,
    createdAt: r.created_at.toISOString(),
    supersedes: r.supersedes,
  }));
}
