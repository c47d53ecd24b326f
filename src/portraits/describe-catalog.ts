import { TAG_DIMENSIONS } from './definitions/dimensions.js';
import { catalogVersion } from './definitions/index.js';
import { SUBJECTS } from './definitions/subjects.js';
import type { DefinitionCatalog } from './engine/types.js';

/** The definitions as the API lists them: data, versions and the catalog version. */
export function describeCatalog(catalog: DefinitionCatalog) {
  return {
    catalogVersion: catalogVersion(catalog),
    subjects: SUBJECTS.map((s) => ({ kind: s.kind, name: s.name })),
    dimensions: TAG_DIMENSIONS,
    features: catalog.features.map((f) => ({
      code: f.code,
      subject: f.subject,
      name: f.name,
      source: f.source,
      aggregate: f.aggregate,
      windowDays: f.windowDays ?? null,
      where: f.where ?? null,
      value: f.value ?? null,
      ratioOf: f.ratioOf ?? null,
      version: f.version,
    })),
    tags: catalog.tags.map((t) => ({
      code: t.code,
      subject: t.subject,
      name: t.name,
      description: t.description,
      dimension: t.dimension,
      tone: t.tone,
      when: t.when,
      strategy: t.strategy ?? null,
      version: t.version,
    })),
    scores: catalog.scores,
    grades: catalog.grades,
  };
}
