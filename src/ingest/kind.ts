import path from 'node:path';
import { IMPORT_ORDER, type ImportKind } from './records.js';

/**
 * The source system each kind naturally comes from (T5). It is the default `--source`, so
 * importing the same file twice, or the demo world and then a real export of the same
 * system, meets the same idempotency keys.
 */
export const DEFAULT_SOURCE: Record<ImportKind, string> = {
  org_units: 'pms',
  substations: 'pms',
  feeders: 'pms',
  transformer_areas: 'pms',
  customers: 'sg186',
  meters: 'sg186',
  employees: 'hr',
  bills: 'sg186',
  payments: 'sg186',
  credit_reports: 'credit',
  readings: 'collection',
  outages: 'pms',
  work_orders: '95598',
  work_order_status: '95598',
  calls: '95598',
  call_turns: '95598',
  notices: 'sms',
  employee_operations: 'sg186',
  traces: 'traces',
};

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_ORDER as readonly string[]).includes(value);
}

/**
 * The kind named by a file's name: the longest kind that prefixes the name, followed by the
 * end or a separator ('customers.csv', 'customers-2026-03.xlsx', 'work_orders.jsonl').
 * 'work_order_status.csv' is not 'work_orders'; longest match decides between them.
 */
export function kindFromFileName(file: string): ImportKind | undefined {
  const base = path
    .basename(file)
    .toLowerCase()
    .replace(/\.(csv|txt|jsonl|ndjson|xlsx)$/, '');
  const matches = IMPORT_ORDER.filter((kind) => base === kind || new RegExp(`^${kind}[-_. ]`).test(base));
  return matches.sort((a, b) => b.length - a.length)[0];
}
