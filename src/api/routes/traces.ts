import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { AppError } from '../../errors.js';
import { acceptTraceBatch, MAX_TRACE_BATCH, type TraceItemResult } from '../../ingest/trace-batch.js';
import type { GridcareApp } from '../types.js';

export { MAX_TRACE_BATCH };
export type { TraceItemResult };

/** The ingest entry point; validating each item is its job, so one bad item never sinks the batch. */
export type AcceptTraceBatch = (db: Db, source: string, items: readonly unknown[]) => Promise<TraceItemResult[]>;

export function registerTraceRoutes(app: GridcareApp, db: Db, accept: AcceptTraceBatch = acceptTraceBatch): void {
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
          max: MAX_TRACE_BATCH,
          received: items.length,
        });
      }
      const results = await accept(db, source, items);
      const counts: Record<string, number> = {};
      for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return { source, received: items.length, counts, items: results };
    },
  );
}
