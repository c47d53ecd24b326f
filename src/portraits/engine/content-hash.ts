import { createHash, type Hash } from 'node:crypto';
import type { PortraitValues } from './evaluate-portrait.js';

/**
 * A portrait's content hash, stored with each portrait row: a refresh that comes to the same
 * hash writes nothing. Numbers count rounded to 4 decimals, so float noise from the database
 * is not a change; names count in sorted order, so the order they were computed in is not.
 *
 * The numbers go into the hash as their binary doubles, names once per set of names: a
 * refresh hashes 2,000 portraits of ~95 features, and writing each number out as text (the
 * hash's first form, JSON of sorted pairs) took 100-300 ms of the refresh's one node thread.
 * Portraits hashed in that form are written once more, unchanged, by their next refresh.
 */
export function contentHash(values: PortraitValues): string {
  const hash = createHash('sha1');
  addNumbers(hash, values.features);
  hash.update(JSON.stringify([...values.tags].sort()));
  addNumbers(hash, values.scores);
  const grades = names(values.grades);
  hash.update(grades.text);
  hash.update(JSON.stringify(grades.sorted.map((name) => values.grades[name] ?? null)));
  return hash.digest('base64url');
}

function addNumbers(hash: Hash, record: Readonly<Record<string, number | null>>): void {
  const { sorted, text } = names(record);
  const numbers = new Float64Array(sorted.length);
  const missing = new Uint8Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const v = record[sorted[i] as string];
    if (v === null || v === undefined || Number.isNaN(v)) missing[i] = 1;
    else numbers[i] = Math.round(v * 1e4) / 1e4 + 0; // + 0: -0 and 0 are the same content
  }
  hash.update(text);
  hash.update(numbers);
  hash.update(missing);
}

/**
 * A record's names sorted, and as one text, kept per set of names: every portrait of a catalog
 * has the same features in the same order, so the sort runs once per catalog, not once per
 * portrait. A set is recognised by its names in the order given (compared one by one: names
 * that come from the same definitions are the same strings, so each comparison is cheap).
 */
interface NameSet {
  given: string[];
  sorted: string[];
  text: Buffer;
}
const nameSets: NameSet[] = [];
function names(record: object): NameSet {
  const given = Object.keys(record);
  for (const set of nameSets) if (sameNames(set.given, given)) return set;
  const sorted = [...given].sort();
  const set = { given, sorted, text: Buffer.from(JSON.stringify(sorted)) };
  // A few sets per catalog (features, scores, grades per subject kind); a bound in case of more.
  if (nameSets.length >= 32) nameSets.length = 0;
  nameSets.push(set);
  return set;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
