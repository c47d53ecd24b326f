import type { Db, Queryable } from '../../db/db.js';

/**
 * A transaction for the portraits' large analytic statements, with JIT compilation off.
 * Their row estimates (CTEs, `= ANY($ids)`) are far above the real counts, which pushes the
 * estimated cost past jit_above_cost; PostgreSQL then spends seconds compiling and inlining a
 * statement that runs in a fraction of that (measured on the 5,000-customer bench: the
 * consumption profile statement 2.7 s of compilation before its first row, the employee
 * operations statement 2.0 s instead of 0.2 s). An embedded database without JIT takes the
 * setting as a no-op.
 */
export async function plannedTransaction<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return work(tx);
  });
}
