/**
 * Compiled schemes by stored version. A stored version never changes (a new version is a
 * new row), so a compiled scheme is cached for the life of the process.
 */
import type { Queryable } from '../../db/db.js';
import { type CompiledScheme, compileScheme } from '../compile-scheme.js';
import { schemeDefinition } from './scheme-store.js';

export class CompiledSchemes {
  private readonly cache = new Map<number, CompiledScheme>();

  async get(db: Queryable, schemeVersionId: number): Promise<CompiledScheme> {
    const cached = this.cache.get(schemeVersionId);
    if (cached) return cached;
    const compiled = compileScheme(await schemeDefinition(db, schemeVersionId));
    this.cache.set(schemeVersionId, compiled);
    return compiled;
  }
}
