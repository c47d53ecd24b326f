import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import type { Db } from './db.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

/** Applies every migration not yet recorded, each in its own transaction. Returns what ran. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<Migration[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version),
  );
  const pending = migrations.filter((m) => !applied.has(m.version));
  for (const migration of pending) {
    try {
      await db.transaction(async (tx) => {
        // Two processes starting at once must not both apply the same migration.
        if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7261001)');
        const again = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [migration.version]);
        if (again.length > 0) return;
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      });
    } catch (error) {
      throw new AppError(
        'DB_MIGRATION_FAILED',
        `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
        500,
      );
    }
  }
  return pending;
}
