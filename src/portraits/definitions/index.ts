import { createHash } from 'node:crypto';
import type { SourceDef } from '../engine/source-types.js';
import type { DefinitionCatalog, SubjectKind } from '../engine/types.js';
import { areaFeatures } from './area-features.js';
import { areaGrades, areaScores } from './area-scores.js';
import { AREA_KINDS, areaSources } from './area-sources.js';
import { areaTags } from './area-tags.js';
import { CUSTOMER_FEATURES } from './customer-features.js';
import { CUSTOMER_GRADES, CUSTOMER_SCORES } from './customer-scores.js';
import { CUSTOMER_SOURCES } from './customer-sources.js';
import { CUSTOMER_TAGS } from './customer-tags.js';
import { EMPLOYEE_FEATURES } from './employee-features.js';
import { EMPLOYEE_GRADES, EMPLOYEE_SCORES } from './employee-scores.js';
import { EMPLOYEE_SOURCES } from './employee-sources.js';
import { EMPLOYEE_TAGS } from './employee-tags.js';

/**
 * Every portrait definition shipped, for every subject kind. Area features read customers'
 * and employees' portraits, so a rebuild runs customers → employees → areas (inRebuildOrder).
 */
export const PORTRAIT_CATALOG: DefinitionCatalog = {
  features: [...CUSTOMER_FEATURES, ...EMPLOYEE_FEATURES, ...AREA_KINDS.flatMap(areaFeatures)],
  tags: [...CUSTOMER_TAGS, ...EMPLOYEE_TAGS, ...AREA_KINDS.flatMap(areaTags)],
  scores: [...CUSTOMER_SCORES, ...EMPLOYEE_SCORES, ...AREA_KINDS.flatMap(areaScores)],
  grades: [...CUSTOMER_GRADES, ...EMPLOYEE_GRADES, ...AREA_KINDS.flatMap(areaGrades)],
};

export const PORTRAIT_SOURCES: SourceDef[] = [
  ...CUSTOMER_SOURCES,
  ...EMPLOYEE_SOURCES,
  ...AREA_KINDS.flatMap(areaSources),
];

/** The definitions of one subject kind. */
export function catalogFor(kind: SubjectKind, catalog: DefinitionCatalog = PORTRAIT_CATALOG): DefinitionCatalog {
  return {
    features: catalog.features.filter((d) => d.subject === kind),
    tags: catalog.tags.filter((d) => d.subject === kind),
    scores: catalog.scores.filter((d) => d.subject === kind),
    grades: catalog.grades.filter((d) => d.subject === kind),
  };
}

export function sourcesFor(kind: SubjectKind): SourceDef[] {
  return PORTRAIT_SOURCES.filter((s) => s.subject === kind);
}

/** code → version of every definition, by kind of definition. */
export function catalogVersions(catalog: DefinitionCatalog = PORTRAIT_CATALOG): Record<string, Record<string, number>> {
  const versions = (list: Array<{ code: string; subject: string; version: number }>) =>
    Object.fromEntries(
      list.map((d) => [`${d.subject}.${d.code}`, d.version]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return {
    features: versions(catalog.features),
    tags: versions(catalog.tags),
    scores: versions(catalog.scores),
    grades: versions(catalog.grades),
  };
}

/** A short hash of every definition's code@version: what a stored portrait row records. */
export function catalogVersion(catalog: DefinitionCatalog = PORTRAIT_CATALOG): string {
  return createHash('sha1')
    .update(JSON.stringify(catalogVersions(catalog)))
    .digest('hex')
    .slice(0, 12);
}
