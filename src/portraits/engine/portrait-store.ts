import type { Queryable } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { contentHash } from './content-hash.js';
import type { PortraitValues } from './evaluate-portrait.js';
import { type FeatureLayout, featureArrayLiteral, featuresFromArray, layoutOf } from './feature-layout.js';
import type { FeatureValues, SubjectKind } from './types.js';

/**
 * Writes portraits with validity periods: a subject whose values changed gets its current
 * row closed at `asOf` and a new row from `asOf`; an unchanged subject is not touched, so
 * a rebuild over unchanged data writes nothing.
 */
export interface ComputedPortrait {
  key: string;
  values: PortraitValues;
}

export async function writePortraits(
  tx: Queryable,
  kind: SubjectKind,
  portraits: readonly ComputedPortrait[],
  asOf: Date,
  catalogVersion: string,
): Promise<{ written: number }> {
  if (portraits.length === 0) return { written: 0 };
  const customer = kind === 'customer';
  const keys = portraits.map((p) => p.key);
  const current = await tx.query<{ key: string; content_hash: string; valid_from: Date }>(
    customer
      ? 'SELECT customer_id::text AS key, content_hash, valid_from FROM customer_portrait WHERE customer_id = ANY($1::bigint[]) AND valid_to IS NULL'
      : 'SELECT subject_key AS key, content_hash, valid_from FROM subject_portrait WHERE subject_kind = $2 AND subject_key = ANY($1::text[]) AND valid_to IS NULL',
    customer ? [keys] : [keys, kind],
  );
  const currentByKey = new Map(current.map((r) => [r.key, r]));
  const changed: Array<ComputedPortrait & { hash: string }> = [];
  for (const p of portraits) {
    const hash = contentHash(p.values);
    const row = currentByKey.get(p.key);
    if (row?.content_hash === hash) continue;
    if (row && row.valid_from.getTime() > asOf.getTime()) continue; // never rewrite a later history
    changed.push({ ...p, hash });
  }
  if (changed.length === 0) return { written: 0 };
  const changedKeys = changed.map((p) => p.key);
  const table = customer ? 'customer_portrait' : 'subject_portrait';
  const keyFilter = customer
    ? 'customer_id = ANY($1::bigint[])'
    : 'subject_kind = $3 AND subject_key = ANY($1::text[])';
  const keyParams = customer ? [changedKeys, asOf] : [changedKeys, asOf, kind];
  // A recomputation at the same instant replaces that row instead of closing it. Rare, so the
  // statement (an index probe per subject) runs only when a current row read began then.
  if (changed.some((p) => currentByKey.get(p.key)?.valid_from.getTime() === asOf.getTime()))
    await tx.query(`DELETE FROM ${table} WHERE ${keyFilter} AND valid_to IS NULL AND valid_from = $2`, keyParams);
  await tx.query(`UPDATE ${table} SET valid_to = $2 WHERE ${keyFilter} AND valid_to IS NULL`, keyParams);
  // One JSON document per batch: the server parses it once (jsonb_to_recordset), where an
  // array parameter of 5,000 jsonb literals cost ~0.5 ms a row to escape and parse. A customer's
  // features travel in it as a float8[] literal (feature-layout.ts).
  const layout = customer ? await writableLayout(tx, catalogVersion, changed) : null;
  const rows = JSON.stringify(
    changed.map((p) => ({
      k: p.key,
      f: layout ? featureArrayLiteral(layout, p.values.features) : p.values.features,
      t: p.values.tags,
      s: p.values.scores,
      g: p.values.grades,
      h: p.hash,
    })),
  );
  if (customer) {
    await tx.query(
      `INSERT INTO customer_portrait (customer_id, valid_from, feature_values, tags, scores, grades, credit_score, credit_grade,
         fee_risk_class, complaint_risk, content_hash, catalog_version)
       SELECT r.k::bigint, $2, r.f::float8[], ARRAY(SELECT jsonb_array_elements_text(r.t)), r.s, r.g, (r.s->>'credit')::real,
         r.g->>'credit_grade', (r.g->>'fee_risk_class')::smallint, (r.s->>'complaint_risk')::real, r.h, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(k text, f text, t jsonb, s jsonb, g jsonb, h text)`,
      [rows, asOf, catalogVersion],
    );
  } else {
    await tx.query(
      `INSERT INTO subject_portrait (subject_kind, subject_key, valid_from, features, tags, scores, grades, content_hash, catalog_version)
       SELECT $4, r.k, $2, r.f, ARRAY(SELECT jsonb_array_elements_text(r.t)), r.s, r.g, r.h, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(k text, f jsonb, t jsonb, s jsonb, g jsonb, h text)`,
      [rows, asOf, catalogVersion, kind],
    );
  }
  return { written: changed.length };
}

/** Without a layout every feature would be dropped silently; registerCatalog records one. */
async function writableLayout(
  tx: Queryable,
  catalogVersion: string,
  portraits: readonly ComputedPortrait[],
): Promise<FeatureLayout> {
  const layout = await layoutOf(tx, catalogVersion);
  if (layout.length === 0 && portraits.some((p) => Object.keys(p.values.features).length > 0))
    throw new AppError(
      'PORTRAIT_LAYOUT_MISSING',
      `Catalog version ${catalogVersion} has no customer feature layout.`,
      500,
    );
  return layout;
}

export interface StoredPortrait {
  validFrom: Date;
  validTo: Date | null;
  features: Record<string, number | null>;
  tags: string[];
  scores: Record<string, number | null>;
  grades: Record<string, string | null>;
  catalogVersion: string;
  computedAt: Date;
}

/** The portrait as known at `asOf` (the current one when absent). */
export async function readPortrait(
  db: Queryable,
  kind: SubjectKind,
  key: string,
  asOf?: Date,
): Promise<StoredPortrait | null> {
  const customer = kind === 'customer';
  const when = asOf ? 'valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)' : 'valid_to IS NULL';
  const sql = customer
    ? `SELECT valid_from, valid_to, feature_values AS features, tags, scores, grades, catalog_version, computed_at
       FROM customer_portrait WHERE customer_id = $1::bigint AND ${when}`
    : `SELECT valid_from, valid_to, features, tags, scores, grades, catalog_version, computed_at FROM subject_portrait
       WHERE subject_key = $1 AND subject_kind = $${asOf ? 3 : 2} AND ${when}`;
  const params: unknown[] = [key];
  if (asOf) params.push(asOf);
  if (!customer) params.push(kind);
  const rows = await db.query<{
    valid_from: Date;
    valid_to: Date | null;
    features: StoredFeatures;
    tags: string[];
    scores: Record<string, number | null>;
    grades: Record<string, string | null>;
    catalog_version: string;
    computed_at: Date;
  }>(sql, params);
  const row = rows[0];
  if (!row) return null;
  return {
    validFrom: row.valid_from,
    validTo: row.valid_to,
    features: await featuresOf(db, row.features, row.catalog_version),
    tags: row.tags,
    scores: row.scores,
    grades: row.grades,
    catalogVersion: row.catalog_version,
    computedAt: row.computed_at,
  };
}

/** Current features of the subjects whose portrait was made by `catalogVersion`. */
export async function readCurrentFeatures(
  db: Queryable,
  kind: SubjectKind,
  keys: readonly string[],
  catalogVersion: string,
): Promise<Map<string, FeatureValues>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<{ key: string; features: StoredFeatures }>(
    kind === 'customer'
      ? `SELECT customer_id::text AS key, feature_values AS features FROM customer_portrait
         WHERE customer_id = ANY($1::bigint[]) AND valid_to IS NULL AND catalog_version = $2`
      : `SELECT subject_key AS key, features FROM subject_portrait
         WHERE subject_kind = $3 AND subject_key = ANY($1::text[]) AND valid_to IS NULL AND catalog_version = $2`,
    kind === 'customer' ? [keys, catalogVersion] : [keys, catalogVersion, kind],
  );
  // Every row is of `catalogVersion`: one layout for the batch, not a look-up per row.
  const layout = kind === 'customer' ? await layoutOf(db, catalogVersion) : [];
  return new Map(rows.map((r) => [r.key, decodeFeatures(layout, r.features)]));
}

/** A customer portrait's feature_values (by its catalog's layout), another subject's jsonb. */
type StoredFeatures = FeatureValues | (number | null)[];

export async function featuresOf(
  db: Queryable,
  stored: StoredFeatures,
  catalogVersion: string,
): Promise<FeatureValues> {
  return decodeFeatures(Array.isArray(stored) ? await layoutOf(db, catalogVersion) : [], stored);
}

function decodeFeatures(layout: FeatureLayout, stored: StoredFeatures): FeatureValues {
  return Array.isArray(stored) ? featuresFromArray(layout, stored) : stored;
}
