import type { CustomerRef } from '../customers/customer-access.js';
import { maskKnownPiiInText } from '../customers/masking.js';
import { maskDigits } from '../customers/trace-summary.js';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { TAG_DIMENSIONS } from './definitions/dimensions.js';
import { catalogFor, sourcesFor } from './definitions/index.js';
import { strategiesFor } from './engine/evaluate-portrait.js';
import { type Explanation, explain } from './engine/evidence.js';
import type { PortraitEngine } from './engine/portrait-engine.js';
import { readPortrait, type StoredPortrait } from './engine/portrait-store.js';
import type { Names, TagDef } from './engine/types.js';

export interface PortraitTag {
  code: string;
  name: Names;
  description: Names;
  dimension: string;
  tone: TagDef['tone'];
  strategy: { priority: number; zh: string; en: string } | null;
}

export interface CustomerPortraitReply {
  customerNo: string;
  /** The time the portrait was computed for; `asOf` answers show the row valid then. */
  validFrom: string;
  validTo: string | null;
  computedAt: string;
  catalogVersion: string;
  dimensions: Array<{ code: string; name: Names; tags: PortraitTag[] }>;
  scores: Array<{ code: string; name: Names; description: Names; value: number | null; min: number; max: number }>;
  grades: Array<{ code: string; name: Names; grade: string | null; gradeName: Names | null; score: string }>;
  strategies: Array<{ priority: number; zh: string; en: string; tag: string; tagName: Names }>;
  features: Array<{ code: string; name: Names; value: number | null; source: string; windowDays: number | null }>;
}

/**
 * The customer's portrait as stored (as of `asOf`, or current). A customer with no portrait
 * yet (added since the last rebuild) gets one computed now, so the page never shows blank.
 */
export async function customerPortrait(
  db: Db,
  engine: PortraitEngine,
  customer: CustomerRef,
  asOf?: Date,
): Promise<CustomerPortraitReply> {
  const stored = await loadPortrait(db, engine, customer, asOf);
  return shapePortrait(engine, customer.customerNo, stored);
}

async function loadPortrait(
  db: Db,
  engine: PortraitEngine,
  customer: CustomerRef,
  asOf?: Date,
): Promise<StoredPortrait> {
  const key = String(customer.customerId);
  let stored = await readPortrait(db, 'customer', key, asOf);
  if (!stored && !asOf) {
    await engine.refresh('customer', [key], new Date());
    stored = await readPortrait(db, 'customer', key);
  }
  if (!stored) {
    throw new AppError(
      'PORTRAIT_NOT_AVAILABLE',
      `No portrait of customer ${customer.customerNo} was computed as of ${asOf?.toISOString() ?? 'now'}; history starts at the first rebuild (gridcare portraits rebuild --history N)`,
      404,
      {
        customerNo: customer.customerNo,
      },
    );
  }
  return stored;
}

function shapePortrait(engine: PortraitEngine, customerNo: string, stored: StoredPortrait): CustomerPortraitReply {
  const catalog = catalogFor('customer', engine.catalog);
  const held = new Set(stored.tags);
  const tags = catalog.tags.filter((t) => held.has(t.code));
  const toTag = (t: TagDef): PortraitTag => ({
    code: t.code,
    name: t.name,
    description: t.description,
    dimension: t.dimension,
    tone: t.tone,
    strategy: t.strategy ?? null,
  });
  return {
    customerNo,
    validFrom: stored.validFrom.toISOString(),
    validTo: stored.validTo?.toISOString() ?? null,
    computedAt: stored.computedAt.toISOString(),
    catalogVersion: stored.catalogVersion,
    dimensions: TAG_DIMENSIONS.map((d) => ({
      code: d.code,
      name: d.name,
      tags: tags.filter((t) => t.dimension === d.code).map(toTag),
    })),
    scores: catalog.scores.map((s) => ({
      code: s.code,
      name: s.name,
      description: s.description,
      value: stored.scores[s.code] ?? null,
      min: s.min,
      max: s.max,
    })),
    grades: catalog.grades.map((g) => {
      const grade = stored.grades[g.code] ?? null;
      return {
        code: g.code,
        name: g.name,
        grade,
        gradeName: g.bands.find((b) => b.grade === grade)?.name ?? null,
        score: g.score,
      };
    }),
    strategies: strategiesFor(catalog, stored.tags).map((s) => ({
      priority: s.priority,
      zh: s.zh,
      en: s.en,
      tag: s.tag.code,
      tagName: s.tag.name,
    })),
    features: catalog.features.map((f) => ({
      code: f.code,
      name: f.name,
      value: stored.features[f.code] ?? null,
      source: f.source,
      windowDays: f.windowDays ?? null,
    })),
  };
}

/**
 * Why (or why not) the customer holds a tag, score or grade, from the stored features of
 * the portrait valid at `asOf`, with the rows behind them. Free text in the rows (call
 * turns, summaries) is masked like the case chain masks transcripts.
 */
export async function explainCustomerElement(
  db: Db,
  engine: PortraitEngine,
  customer: CustomerRef,
  element: string,
  options: { asOf?: Date; itemLimit?: number; holder: { name: string; customer_type: string; address: string | null } },
): Promise<Explanation & { validFrom: string }> {
  const stored = await loadPortrait(db, engine, customer, options.asOf);
  const explanation = await explain(db, element, {
    catalog: catalogFor('customer', engine.catalog),
    sources: sourcesFor('customer'),
    features: stored.features,
    subjectKey: String(customer.customerId),
    asOf: options.asOf ?? stored.validFrom,
    itemLimit: options.itemLimit ?? 10,
  });
  if (!explanation) {
    throw new AppError(
      'PORTRAIT_ELEMENT_UNKNOWN',
      `${element} is not a customer tag, score or grade; use tag:<code>, score:<code> or grade:<code> from GET /api/v1/portraits/definitions`,
      404,
      { element },
    );
  }
  for (const feature of explanation.features) {
    for (const item of feature.items) {
      if (item.detail) item.detail = maskDigits(maskKnownPiiInText(item.detail, [options.holder]));
    }
  }
  return { ...explanation, validFrom: stored.validFrom.toISOString() };
}
