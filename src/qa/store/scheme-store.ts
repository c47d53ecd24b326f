/**
 * QA schemes stored as data: each version holds the scheme JSON in the rule language,
 * validated when saved (validateScheme), so a stored version always compiles.
 */
import type {
  QaSchemeStatus,
  QaSchemeSummary,
  QaSchemeVersionDetail,
  QaSchemeVersionSummary,
} from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import { writeAudit } from '../../auth/audit-log.js';
import type { Db, Queryable } from '../../db/db.js';
import { AppError, notFound } from '../../errors.js';
import type { QaScheme } from '../rule-language.js';
import { DEFAULT_95598_SCHEME } from '../schemes/default-95598/index.js';
import { validateScheme } from '../validate-scheme.js';
import { versionDetail } from './scheme-summary.js';
import { iso, userColumns, userRef } from './user-ref.js';

export interface StoredVersion {
  schemeVersionId: number;
  code: string;
  version: number;
  status: QaSchemeStatus;
  routine: boolean;
}

/**
 * The shipped default scheme, kept up to date. A database without it gets it as the routine
 * scheme's live version 1. When the code ships a different default (a rule added or mended), it
 * becomes the scheme's next version: live in place of a live version that was itself shipped,
 * or a draft beside one the centre published, whose choice stays until an inspector reviews
 * the update. Content already stored as any version (its number aside) is not stored again,
 * and two processes starting together take turns on the scheme's row.
 */
export async function ensureDefaultQaScheme(db: Db): Promise<void> {
  const scheme = DEFAULT_95598_SCHEME;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO qa_scheme (scheme_code, name, routine)
       SELECT $1, $2, NOT EXISTS (SELECT 1 FROM qa_scheme WHERE routine) ON CONFLICT (scheme_code) DO NOTHING`,
      [scheme.id, scheme.name],
    );
    const next = await lockForNextVersion(tx, scheme.id);
    const state = (
      await tx.query<{ stored: boolean | null; live: boolean | null; shipped_live: boolean | null }>(
        `SELECT bool_or((definition::jsonb - 'version') = ($2::jsonb - 'version')) AS stored,
                bool_or(status = 'live') AS live,
                bool_or(status = 'live' AND created_by IS NULL AND published_by IS NULL) AS shipped_live
         FROM qa_scheme_version WHERE scheme_code = $1`,
        [scheme.id, JSON.stringify(scheme)],
      )
    )[0];
    if (state?.stored) return;
    const goesLive = !state?.live || state.shipped_live === true;
    if (goesLive) await retireLive(tx, scheme.id);
    await tx.query(
      `INSERT INTO qa_scheme_version (scheme_code, version, status, definition, note, published_at)
       VALUES ($1, $2, $3, $4::json, $5, CASE WHEN $3 = 'live' THEN now() END)`,
      [
        scheme.id,
        next,
        goesLive ? 'live' : 'draft',
        JSON.stringify({ ...scheme, version: next }),
        goesLive
          ? 'shipped with Gridcare'
          : 'shipped with Gridcare: an update of the default scheme, to review and publish',
      ],
    );
  });
}

/**
 * The scheme's next version number, with the scheme's row locked until the transaction ends so
 * two versions saved at once (two drafts, or two servers starting) get different numbers.
 */
async function lockForNextVersion(tx: Queryable, code: string): Promise<number> {
  await tx.query('SELECT 1 FROM qa_scheme WHERE scheme_code = $1 FOR UPDATE', [code]);
  const rows = await tx.query<{ n: number }>(
    'SELECT coalesce(max(version), 0) + 1 AS n FROM qa_scheme_version WHERE scheme_code = $1',
    [code],
  );
  return rows[0]?.n ?? 1;
}

/** The scheme's live version retires (there is one live version per scheme at most). */
async function retireLive(tx: Queryable, code: string): Promise<void> {
  await tx.query(
    `UPDATE qa_scheme_version SET status = 'retired', retired_at = now() WHERE scheme_code = $1 AND status = 'live'`,
    [code],
  );
}

const VERSION_SELECT = `SELECT v.scheme_version_id, v.scheme_code, v.version, v.status, v.note, v.created_at,
    v.published_at, v.retired_at, s.routine, v.definition->>'name' AS name,
    json_array_length(v.definition->'rules') AS rule_count,
    ${userColumns('cu', 'created')}, ${userColumns('pu', 'published')}
  FROM qa_scheme_version v JOIN qa_scheme s ON s.scheme_code = v.scheme_code
  LEFT JOIN app_user cu ON cu.user_id = v.created_by LEFT JOIN app_user pu ON pu.user_id = v.published_by`;

type VersionRow = {
  scheme_version_id: number;
  scheme_code: string;
  version: number;
  status: QaSchemeStatus;
  note: string;
  created_at: Date;
  published_at: Date | null;
  retired_at: Date | null;
  routine: boolean;
  name: string;
  rule_count: number;
} & Record<string, unknown>;

function toSummary(r: VersionRow): QaSchemeVersionSummary {
  return {
    code: r.scheme_code,
    version: r.version,
    name: r.name,
    status: r.status,
    ruleCount: r.rule_count,
    note: r.note,
    createdBy: userRef(r, 'created'),
    createdAt: iso(r.created_at) as string,
    publishedBy: userRef(r, 'published'),
    publishedAt: iso(r.published_at),
    retiredAt: iso(r.retired_at),
  };
}

const toStored = (r: VersionRow): StoredVersion => ({
  schemeVersionId: r.scheme_version_id,
  code: r.scheme_code,
  version: r.version,
  status: r.status,
  routine: r.routine,
});

export async function listSchemes(db: Queryable): Promise<QaSchemeSummary[]> {
  const rows = await db.query<VersionRow>(`${VERSION_SELECT} ORDER BY s.routine DESC, v.scheme_code, v.version DESC`);
  const schemes = new Map<string, QaSchemeSummary>();
  for (const r of rows) {
    let scheme = schemes.get(r.scheme_code);
    if (!scheme) {
      scheme = { code: r.scheme_code, name: r.name, routine: r.routine, liveVersion: null, versions: [] };
      schemes.set(r.scheme_code, scheme);
    }
    if (r.status === 'live') {
      scheme.liveVersion = r.version;
      scheme.name = r.name;
    }
    scheme.versions.push(toSummary(r));
  }
  return [...schemes.values()];
}

export async function findVersion(db: Queryable, code: string, version: number): Promise<StoredVersion> {
  const rows = await db.query<VersionRow>(`${VERSION_SELECT} WHERE v.scheme_code = $1 AND v.version = $2`, [
    code,
    version,
  ]);
  const row = rows[0];
  if (!row) throw notFound(`QA scheme ${code} version ${version}`);
  return toStored(row);
}

export async function liveVersionOf(db: Queryable, code: string): Promise<StoredVersion | null> {
  const rows = await db.query<VersionRow>(`${VERSION_SELECT} WHERE v.scheme_code = $1 AND v.status = 'live'`, [code]);
  return rows[0] ? toStored(rows[0]) : null;
}

/** The version new calls are inspected with: the routine scheme's live version. */
export async function routineLiveVersion(db: Queryable): Promise<{ schemeVersionId: number } | null> {
  const rows = await db.query<{ scheme_version_id: number }>(
    `SELECT v.scheme_version_id FROM qa_scheme_version v JOIN qa_scheme s ON s.scheme_code = v.scheme_code
     WHERE s.routine AND v.status = 'live'`,
  );
  return rows[0] ? { schemeVersionId: rows[0].scheme_version_id } : null;
}

export async function schemeDefinition(db: Queryable, schemeVersionId: number): Promise<QaScheme> {
  const rows = await db.query<{ definition: QaScheme }>(
    'SELECT definition FROM qa_scheme_version WHERE scheme_version_id = $1',
    [schemeVersionId],
  );
  if (!rows[0]) throw notFound(`QA scheme version ${schemeVersionId}`);
  return rows[0].definition;
}

export async function versionDetailOf(db: Queryable, code: string, version: number): Promise<QaSchemeVersionDetail> {
  const rows = await db.query<VersionRow & { definition: QaScheme }>(
    `${VERSION_SELECT.replace('SELECT ', 'SELECT v.definition, ')} WHERE v.scheme_code = $1 AND v.version = $2`,
    [code, version],
  );
  const row = rows[0];
  if (!row) throw notFound(`QA scheme ${code} version ${version}`);
  return versionDetail(toSummary(row), row.definition);
}

/**
 * Saves a new draft version. The JSON is validated here, at save time (QA_RULE_INVALID with
 * the rule id and path); the version number is the next one of the scheme. A new code
 * creates a new, non-routine scheme (a special-topic scheme, say).
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  code: string,
  definition: unknown,
  note: string,
): Promise<QaSchemeVersionDetail> {
  const given = (definition as { id?: unknown } | null)?.id;
  if (given !== code) {
    throw new AppError(
      'QA_RULE_INVALID',
      `scheme at id: the definition's id '${String(given)}' must be the scheme code '${code}'`,
      400,
      {
        path: 'id',
        reason: 'id differs from the scheme code',
      },
    );
  }
  const scheme = validateScheme(definition);
  const version = await db.transaction(async (tx) => {
    await tx.query('INSERT INTO qa_scheme (scheme_code, name) VALUES ($1, $2) ON CONFLICT (scheme_code) DO NOTHING', [
      code,
      scheme.name,
    ]);
    const n = await lockForNextVersion(tx, code);
    await tx.query(
      `INSERT INTO qa_scheme_version (scheme_code, version, status, definition, note, created_by)
       VALUES ($1, $2, 'draft', $3::json, $4, $5)`,
      [code, n, JSON.stringify({ ...scheme, version: n }), note, actor.userId],
    );
    await writeAudit(tx, actor, {
      action: 'qa_scheme_draft',
      subjectType: 'qa_scheme',
      subjectId: `${code}@${n}`,
      detail: { rules: scheme.rules.length },
    });
    return n;
  });
  return versionDetailOf(db, code, version);
}

/** A draft goes live; the version live before it retires. Results keep the version they were made with. */
export async function publishVersion(
  db: Db,
  actor: Actor,
  code: string,
  version: number,
): Promise<QaSchemeVersionDetail> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ status: QaSchemeStatus }>(
      'SELECT status FROM qa_scheme_version WHERE scheme_code = $1 AND version = $2 FOR UPDATE',
      [code, version],
    );
    const status = rows[0]?.status;
    if (!status) throw notFound(`QA scheme ${code} version ${version}`);
    if (status !== 'draft') {
      throw new AppError(
        'QA_SCHEME_STATE',
        `Version ${version} of ${code} is ${status}; only a draft can be published`,
        409,
        { status },
      );
    }
    await retireLive(tx, code);
    await tx.query(
      `UPDATE qa_scheme_version SET status = 'live', published_at = now(), published_by = $3 WHERE scheme_code = $1 AND version = $2`,
      [code, version, actor.userId],
    );
    await writeAudit(tx, actor, {
      action: 'qa_scheme_publish',
      subjectType: 'qa_scheme',
      subjectId: `${code}@${version}`,
    });
  });
  return versionDetailOf(db, code, version);
}
