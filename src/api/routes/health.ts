import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { VERSION } from '../version.js';
import type { GridcareApp } from '../types.js';

export function registerHealthRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database status',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            version: Type.String(),
            migrations: Type.Object({ count: Type.Integer(), latest: Type.Union([Type.Integer(), Type.Null()]) }),
          }),
        },
      },
    },
    async () => {
      const rows = await db.query<{ count: number; latest: number | null }>(
        'SELECT count(*)::int AS count, max(version) AS latest FROM schema_migration',
      );
      return {
        status: 'ok' as const,
        database: db.kind,
        version: VERSION,
        migrations: { count: rows[0]?.count ?? 0, latest: rows[0]?.latest ?? null },
      };
    },
  );
}
