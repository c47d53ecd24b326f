import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PORTRAIT_CATALOG } from './index.js';

/**
 * Each stored portrait value records the definition versions that produced it, so a
 * definition whose content changes must get a new version. The lock file holds each
 * definition's content hash at its version; this test fails when content changed but the
 * version did not. After a deliberate change (version bumped), refresh the lock with
 * UPDATE_PORTRAIT_LOCK=1 npx vitest run src/portraits/definitions/definitions-lock.test.ts
 */
const LOCK = fileURLToPath(new URL('./definitions.lock.json', import.meta.url));
type Lock = Record<string, { version: number; hash: string }>;

function current(): Lock {
  const entries: Array<[string, { version: number; hash: string }]> = [];
  const add = (kind: string, list: Array<{ code: string; subject: string; version: number }>) => {
    for (const d of list) {
      // revisitOn says how the refresh keeps a feature, not what it means: no new version.
      const { version, revisitOn: _refresh, ...content } = d as typeof d & { revisitOn?: unknown };
      entries.push([
        `${kind}:${d.subject}.${d.code}`,
        { version, hash: createHash('sha1').update(JSON.stringify(content)).digest('hex').slice(0, 16) },
      ]);
    }
  };
  add('feature', PORTRAIT_CATALOG.features);
  add('tag', PORTRAIT_CATALOG.tags);
  add('score', PORTRAIT_CATALOG.scores);
  add('grade', PORTRAIT_CATALOG.grades);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('portrait definition versions', () => {
  if (process.env.UPDATE_PORTRAIT_LOCK === '1') writeFileSync(LOCK, `${JSON.stringify(current(), null, 1)}\n`);
  const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;
  const now = current();

  it('bumps the version of every definition whose content changed', () => {
    const unbumped = Object.entries(now)
      .filter(([key, d]) => lock[key] && lock[key].version === d.version && lock[key].hash !== d.hash)
      .map(([key]) => key);
    expect(unbumped, 'changed without a version bump').toEqual([]);
  });

  it('has every definition in the lock at its current version', () => {
    const stale = Object.entries(now)
      .filter(([key, d]) => !lock[key] || lock[key].version !== d.version)
      .map(([key]) => key);
    expect(stale, 'refresh the lock (see the comment at the top of this test)').toEqual([]);
  });

  it('never lowers a version', () => {
    const lowered = Object.entries(now)
      .filter(([key, d]) => lock[key] && d.version < lock[key].version)
      .map(([key]) => key);
    expect(lowered).toEqual([]);
  });
});
