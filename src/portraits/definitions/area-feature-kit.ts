import type { Aggregate, FeatureDef, Names, TagDimension } from '../engine/types.js';
import type { AreaKind } from './area-sources.js';

/** How an area statistic point is written: one definition per area kind. */
export type Spec = Omit<FeatureDef, 'code' | 'subject' | 'name' | 'version' | 'aggregate' | 'aspect'> & {
  aggregate?: Aggregate;
  version?: number;
};
export type Def = (kind: AreaKind) => FeatureDef;
export const f =
  (code: string, aspect: TagDimension, zh: string, en: string, spec: Spec): Def =>
  (kind) => ({
    code,
    subject: kind,
    name: { zh, en } satisfies Names,
    aspect,
    version: 1,
    aggregate: 'count',
    ...spec,
  });
export const ratio = (
  code: string,
  aspect: TagDimension,
  zh: string,
  en: string,
  numerator: string,
  denominator: string,
) => f(code, aspect, zh, en, { source: 'derived', aggregate: 'ratio', ratioOf: { numerator, denominator } });

export const YEAR = 365;
export const QUARTER = 90;
export const MINUTES = { zh: '分钟', en: 'min' };
/** A fault outage (the outage source `ao`). */
export const FAULT = "ao.kind = 'fault'";
