import type { ConsumptionDefinition } from './definition.js';
import { type Condition, FIGURE_CODES, type FigureCode } from './rules.js';

/** Bind parameters collected while SQL text is built; placeholders are $offset+1, $offset+2 … */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly offset = 0) {}
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}::${cast}`;
  }
}

const FIGURES = new Set<string>(FIGURE_CODES);

/** A figure as a column of `alias`; only known figure codes reach the SQL text. */
function column(alias: string, figure: FigureCode): string {
  if (!FIGURES.has(figure)) throw new Error(`Unknown consumption figure ${figure}`);
  return `${alias}.${figure}`;
}

/**
 * A condition as a SQL boolean expression over the row alias `f` (figures as columns,
 * patterns as the text[] column `patterns`). Thresholds become bind parameters.
 */
export function compileCondition(condition: Condition, params: SqlParams, alias = 'f'): string {
  if ('all' in condition)
    return `(${condition.all.map((c) => compileCondition(c, params, alias)).join(' AND ') || 'TRUE'})`;
  if ('any' in condition)
    return `(${condition.any.map((c) => compileCondition(c, params, alias)).join(' OR ') || 'FALSE'})`;
  if ('not' in condition) return `(NOT ${compileCondition(condition.not, params, alias)})`;
  if ('pattern' in condition) return `(${params.add(condition.pattern, 'text')} = ANY(${alias}.patterns))`;
  const col = column(alias, condition.figure);
  const { op, value } = condition;
  if (op === 'in') return `(${col}::text = ANY(${params.add([...(value as readonly string[])], 'text[]')}))`;
  if (typeof value === 'string') {
    if (op !== '==' && op !== '!=') throw new Error(`Operator ${op} needs a number (figure ${condition.figure})`);
    return `(${col}::text ${op === '==' ? '=' : '<>'} ${params.add(value, 'text')})`;
  }
  if (typeof value !== 'number') throw new Error(`Operator ${op} needs a number (figure ${condition.figure})`);
  const sqlOp = op === '==' ? '=' : op === '!=' ? '<>' : op;
  return `(${col}::float8 ${sqlOp} ${params.add(value, 'float8')})`;
}

/** The level band of level_vs_peers as a CASE expression, bands checked lowest first. */
export function compileLevelBand(definition: ConsumptionDefinition, params: SqlParams, alias = 'f'): string {
  const whens = definition.levelBands
    .map((band) =>
      band.below === undefined
        ? `ELSE ${params.add(band.code, 'text')}`
        : `WHEN ${alias}.level_vs_peers < ${params.add(band.below, 'float8')} THEN ${params.add(band.code, 'text')}`,
    )
    .join(' ');
  return `CASE WHEN ${alias}.level_vs_peers IS NULL THEN NULL ${whens} END`;
}

/** Codes whose condition holds, as a text[] expression, in definition order. */
export function compileCodes(
  rules: readonly { code: string; when: Condition }[],
  params: SqlParams,
  alias = 'f',
): string {
  if (rules.length === 0) return `'{}'::text[]`;
  const cases = rules.map(
    (r) => `CASE WHEN ${compileCondition(r.when, params, alias)} THEN ${params.add(r.code, 'text')} END`,
  );
  return `array_remove(ARRAY[${cases.join(', ')}]::text[], NULL)`;
}
