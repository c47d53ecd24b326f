import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { AppError } from '../../errors.js';
import type { TraceRecord } from '../../ingest/records.js';
import type { GridcareApp } from '../types.js';

export const MAX_TRACE_BATCH = 10_000;

export interface TraceItemResult {
  index: number;
  status: 'accepted' | 'duplicate' | 'updated' | 'quarantined' | 'rejected';
  reason?: string;
  field?: string;
  trace_id?: number;
}

/** The ingest module's entry point (src/ingest/trace-batch.ts); validation of items is its job. */
export type AcceptTraceBatch = (db: Db, source: string, items: readonly TraceRecord[]) => Promise<TraceItemResult[]>;

// Resolved at first use so the API builds whether or not the ingest module is present yet.
const INGEST_MODULE = '../../ingest/trace-batch.js';
async function loadAcceptTraceBatch(): Promise<AcceptTraceBatch> {
  try {
    const mod = (await import(INGEST_MODULE)) as { acceptTraceBatch?: AcceptTraceBatch };
    if (mod.acceptTraceBatch) return mod.acceptTraceBatch;
  } catch {
    // reported below
  }
  throw new AppError('INGEST_UNAVAILABLE', 'Trace ingest (src/ingest/trace-batch.ts) is not available in this build', 503);
}

export function registerTraceRoutes(app: GridcareApp, db: Db, accept?: AcceptTraceBatch): void {
  app.post(
    '/api/v1/traces',
    {
      config: { permission: 'trace:write' },
      schema: {
        tags: ['ingest'],
        summary: `Post up to ${MAX_TRACE_BATCH} traces; answers per item (accepted, duplicate, updated, quarantined, rejected)`,
        body: Type.Object({
          source: Type.String({ minLength: 1, maxLength: 64, description: 'Source system, part of the idempotency key (source, source_id)' }),
          // Items are checked one by one by the ingest so that one bad item does not sink the batch.
          items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
        }),
      },
    },
    async (request) => {
      const { source, items } = request.body;
      if (items.length > MAX_TRACE_BATCH) {
        throw new AppError('BATCH_TOO_LARGE', `A batch holds at most ${MAX_TRACE_BATCH} items; this one has ${items.length}`, 413, {
          limit: MAX_TRACE_BATCH,
          received: items.length,
        });
      }
      const run = accept ?? (await loadAcceptTraceBatch());
      const results = await run(db, source, items as unknown as TraceRecord[]);
      const counts: Record<string, number> = {};
      for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return { source, received: items.length, counts, items: results };
    },
  );
}
