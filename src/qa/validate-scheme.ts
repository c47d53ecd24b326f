/**
 * Save-time validation of a QA scheme. Everything that could fail while inspecting (a bad
 * regex, an unknown operator, an empty list, negative seconds) fails here instead, with the
 * rule id and the path of the bad part, so inspection itself never throws on rule data.
 */
import type { z } from 'zod';
import { AppError } from '../errors.js';
import {
  type Condition,
  OPERATORS,
  type OperatorName,
  operatorSchemas,
  type QaRule,
  type QaScheme,
  ruleHeaderSchema,
  schemeHeaderSchema,
} from './rule-language.js';

type Path = (string | number)[];

const fail = (ruleId: string | undefined, path: Path, reason: string): never => {
  const where = path.length > 0 ? path.join('.') : '(root)';
  const prefix = ruleId ? `rule '${ruleId}' at ${where}` : `scheme at ${where}`;
  throw new AppError('QA_RULE_INVALID', `${prefix}: ${reason}`, 400, { ruleId, path: where, reason });
};

const firstIssue = (error: z.ZodError): { path: Path; message: string } => {
  const issue = error.issues[0];
  return {
    path: (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue?.message ?? 'invalid value',
  };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRegex(ruleId: string, path: Path, value: unknown): void {
  if (!isRecord(value)) return;
  if (value.op === 'regex' && typeof value.pattern === 'string') {
    try {
      new RegExp(value.pattern, typeof value.flags === 'string' ? value.flags : '');
    } catch (e) {
      fail(ruleId, [...path, 'pattern'], `invalid regular expression: ${(e as Error).message}`);
    }
    return;
  }
  for (const [key, child] of Object.entries(value)) if (isRecord(child)) checkRegex(ruleId, [...path, key], child);
}

function checkCondition(ruleId: string, path: Path, value: unknown): Condition {
  if (!isRecord(value)) return fail(ruleId, path, 'a condition must be an object');
  const combinators = ['all', 'any', 'not'].filter((k) => k in value);
  if (combinators.length > 0) {
    if (combinators.length > 1 || Object.keys(value).length > 1 || 'op' in value) {
      return fail(ruleId, path, 'a combinator holds exactly one of all / any / not and nothing else');
    }
    const key = combinators[0] as 'all' | 'any' | 'not';
    if (key === 'not') return { not: checkCondition(ruleId, [...path, 'not'], value.not) };
    const list = value[key];
    if (!Array.isArray(list) || list.length === 0) return fail(ruleId, [...path, key], `${key} needs a non-empty list`);
    const children = list.map((c, i) => checkCondition(ruleId, [...path, key, i], c));
    return key === 'all' ? { all: children } : { any: children };
  }
  const op = value.op;
  if (typeof op !== 'string' || !OPERATORS.includes(op as OperatorName)) {
    return fail(ruleId, [...path, 'op'], `unknown operator '${String(op)}' (known: ${OPERATORS.join(', ')})`);
  }
  checkRegex(ruleId, path, value);
  const parsed = operatorSchemas[op as OperatorName].safeParse(value);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    return fail(ruleId, [...path, ...issue.path], issue.message);
  }
  return parsed.data as Condition;
}

export function validateRule(json: unknown, categories: ReadonlySet<string>, index = 0): QaRule {
  const id = isRecord(json) && typeof json.id === 'string' ? json.id : undefined;
  const header = ruleHeaderSchema.safeParse(json);
  if (!header.success) {
    const issue = firstIssue(header.error);
    return fail(id, id ? issue.path : ['rules', index, ...issue.path], issue.message);
  }
  const rule = header.data;
  if (!categories.has(rule.category)) {
    fail(rule.id, ['category'], `unknown category '${rule.category}' (scheme has: ${[...categories].join(', ')})`);
  }
  const when = checkCondition(rule.id, ['when'], rule.when);
  return { ...rule, when };
}

/** Parse and check a scheme; returns it typed, or throws AppError('QA_RULE_INVALID'). */
export function validateScheme(json: unknown): QaScheme {
  const header = schemeHeaderSchema.safeParse(json);
  if (!header.success) {
    const issue = firstIssue(header.error);
    return fail(undefined, issue.path, issue.message);
  }
  const categories = new Set(Object.keys(header.data.categories));
  if (categories.size === 0) fail(undefined, ['categories'], 'a scheme needs at least one category');
  const seen = new Set<string>();
  const rules = header.data.rules.map((r, i) => {
    const rule = validateRule(r, categories, i);
    if (seen.has(rule.id)) fail(rule.id, ['rules', i, 'id'], `duplicate rule id '${rule.id}'`);
    seen.add(rule.id);
    return rule;
  });
  return { ...header.data, rules };
}
