import type { SqlParams } from './compile-sql.js';

/**
 * A slice of customers one rebuild step works on: a customer_id range [from, to), optionally
 * narrowed to listed ids. Ranges keep every statement's working set bounded at any scale and
 * let a distributed database run a batch on the node that holds it.
 */
export interface CustomerBatch {
  from: number;
  to: number;
  ids: readonly number[] | null;
}

/** `column` restricted to the batch, with its bounds as bind parameters. */
export function batchFilter(column: string, batch: CustomerBatch, params: SqlParams): string {
  const range = `${column} >= ${params.add(batch.from, 'bigint')} AND ${column} < ${params.add(batch.to, 'bigint')}`;
  return batch.ids === null ? range : `${range} AND ${column} = ANY(${params.add(batch.ids, 'bigint[]')})`;
}

/** Ranges of `size` ids from min to max (ids are dense identities), or chunks of the listed ids. */
export function planBatches(
  bounds: { min: number; max: number } | null,
  ids: readonly number[] | undefined,
  size: number,
): CustomerBatch[] {
  if (ids !== undefined) {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const batches: CustomerBatch[] = [];
    for (let i = 0; i < sorted.length; i += size) {
      const chunk = sorted.slice(i, i + size);
      batches.push({ from: chunk[0] as number, to: (chunk[chunk.length - 1] as number) + 1, ids: chunk });
    }
    return batches;
  }
  if (!bounds) return [];
  const batches: CustomerBatch[] = [];
  for (let from = bounds.min; from <= bounds.max; from += size)
    batches.push({ from, to: Math.min(from + size, bounds.max + 1), ids: null });
  return batches;
}
