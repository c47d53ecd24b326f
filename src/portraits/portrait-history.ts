import type { Queryable } from '../db/db.js';

export interface PortraitPeriod {
  validFrom: string;
  validTo: string | null;
  tags: string[];
  grades: Record<string, string | null>;
  scores: Record<string, number | null>;
  catalogVersion: string;
}

/** Every validity period of a customer's portrait, newest first. */
export async function portraitHistory(db: Queryable, customerId: number, limit = 60): Promise<PortraitPeriod[]> {
  const rows = await db.query<{
    valid_from: Date;
    valid_to: Date | null;
    tags: string[];
    grades: Record<string, string | null>;
    scores: Record<string, number | null>;
    catalog_version: string;
  }>(
    `SELECT valid_from, valid_to, tags, grades, scores, catalog_version FROM customer_portrait
     WHERE customer_id = $1 ORDER BY valid_from DESC LIMIT $2`,
    [customerId, limit],
  );
  return rows.map((r) => ({
    validFrom: r.valid_from.toISOString(),
    validTo: r.valid_to?.toISOString() ?? null,
    tags: r.tags,
    grades: r.grades,
    scores: r.scores,
    catalogVersion: r.catalog_version,
  }));
}
