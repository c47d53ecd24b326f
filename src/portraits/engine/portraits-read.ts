import type { SourceDef } from './source-types.js';
import type { SubjectKind } from './types.js';

const SUBJECT_KIND_LITERAL = /subject_kind\s*=\s*'(\w+)'/g;

/**
 * The kinds among `earlier` whose stored portraits a kind's sources read, so a rebuild must
 * write those first (area features count their customers' tags and their staff's grades).
 * Read off the sources' SQL: `customer_portrait` is the customers'; `subject_portrait` is the
 * kinds its `subject_kind = '…'` literals name, or every earlier kind when it names none; any
 * other mention of a portrait table also means every earlier kind. A kind that reads no
 * portrait waits for none and is rebuilt beside the others.
 */
export function portraitsRead(sources: readonly SourceDef[], earlier: readonly SubjectKind[]): SubjectKind[] {
  const read = new Set<string>();
  for (const { from } of sources) {
    if (!/portrait/i.test(from)) continue;
    if (/customer_portrait/i.test(from)) read.add('customer');
    if (/subject_portrait/i.test(from)) {
      const named = [...from.matchAll(SUBJECT_KIND_LITERAL)].map((m) => m[1] as string);
      for (const kind of named.length > 0 ? named : earlier) read.add(kind);
    }
    if (/portrait/i.test(from.replace(/customer_portrait|subject_portrait/gi, '')))
      for (const k of earlier) read.add(k);
  }
  return earlier.filter((k) => read.has(k));
}
