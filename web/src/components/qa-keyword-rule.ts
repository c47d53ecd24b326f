/**
 * The simple form's view of a keyword rule: a rule whose condition is one keyword leaf, or
 * the absence of one ("agent never said …"). Anything else is edited as JSON.
 */
import type { QaSpeaker } from '../../../src/api/contract.js';

export type WindowKind = 'none' | 'firstTurns' | 'lastTurns' | 'firstSeconds' | 'lastSeconds';

export interface KeywordRuleFields {
  id: string;
  name: string;
  description: string;
  category: string;
  points: number;
  veto: boolean;
  enabled: boolean;
  /** Hit when the words occur ('present') or when they never do ('absent'). */
  mode: 'present' | 'absent';
  words: string[];
  speaker: QaSpeaker | 'any';
  wholeWord: boolean;
  minCount: number | null;
  windowKind: WindowKind;
  windowSize: number | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const KEYWORD_KEYS = new Set(['op', 'words', 'speaker', 'wholeWord', 'minCount', 'window']);

function keywordLeaf(when: unknown): { leaf: Json; mode: 'present' | 'absent' } | null {
  const plain = (node: unknown) =>
    isObject(node) && node.op === 'keyword' && Object.keys(node).every((key) => KEYWORD_KEYS.has(key)) ? node : null;
  if (plain(when)) return { leaf: when as Json, mode: 'present' };
  if (isObject(when) && Object.keys(when).length === 1 && plain(when.not))
    return { leaf: when.not as Json, mode: 'absent' };
  if (isObject(when) && when.op === 'absent' && plain(when.expr)) return { leaf: when.expr as Json, mode: 'absent' };
  return null;
}

/** The form fields of a keyword rule, or null when the rule needs the JSON editor. */
export function keywordFieldsOf(rule: unknown): KeywordRuleFields | null {
  if (!isObject(rule)) return null;
  const found = keywordLeaf(rule.when);
  if (!found) return null;
  const { leaf, mode } = found;
  const window = isObject(leaf.window) ? leaf.window : {};
  const windowKeys = Object.keys(window);
  if (windowKeys.length > 1) return null;
  const windowKind = (windowKeys[0] as WindowKind | undefined) ?? 'none';
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    id: str(rule.id),
    name: str(rule.name),
    description: str(rule.description),
    category: str(rule.category),
    points: typeof rule.points === 'number' ? rule.points : -1,
    veto: rule.veto === true,
    enabled: rule.enabled !== false,
    mode,
    words: Array.isArray(leaf.words) ? leaf.words.filter((w): w is string => typeof w === 'string') : [],
    speaker: (['agent', 'customer', 'system'] as const).find((s) => s === leaf.speaker) ?? 'any',
    wholeWord: leaf.wholeWord === true,
    minCount: typeof leaf.minCount === 'number' ? leaf.minCount : null,
    windowKind,
    windowSize: windowKind === 'none' ? null : (window[windowKind] as number),
  };
}

/** The rule as data again; keeps the rule's other fields (examples) as they were. */
export function keywordRuleFrom(fields: KeywordRuleFields, previous: unknown): Json {
  const leaf: Json = { op: 'keyword', words: fields.words };
  if (fields.speaker !== 'any') leaf.speaker = fields.speaker;
  if (fields.wholeWord) leaf.wholeWord = true;
  if (fields.minCount !== null) leaf.minCount = fields.minCount;
  if (fields.windowKind !== 'none' && fields.windowSize !== null)
    leaf.window = { [fields.windowKind]: fields.windowSize };
  const rule: Json = {
    ...(isObject(previous) ? previous : {}),
    id: fields.id,
    name: fields.name,
    description: fields.description,
    category: fields.category,
    points: fields.points,
    when: fields.mode === 'absent' ? { not: leaf } : leaf,
  };
  if (fields.veto) rule.veto = true;
  else delete rule.veto;
  if (fields.enabled) delete rule.enabled;
  else rule.enabled = false;
  return rule;
}
