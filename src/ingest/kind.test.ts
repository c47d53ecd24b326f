import { describe, expect, it } from 'vitest';
import { kindFromFileName } from './kind.js';

describe('kindFromFileName', () => {
  it.each([
    ['customers.csv', 'customers'],
    ['/data/customers-2026-03.xlsx', 'customers'],
    ['work_orders.jsonl', 'work_orders'],
    ['work_order_status.csv', 'work_order_status'],
    ['work_orders_2026.csv', 'work_orders'],
    ['call_turns.csv', 'call_turns'],
    ['calls.jsonl', 'calls'],
    ['CUSTOMERS.CSV', 'customers'],
    ['misc-export.csv', undefined],
    ['customersx.csv', undefined],
  ])('%s → %s', (file, kind) => {
    expect(kindFromFileName(file)).toBe(kind);
  });
});
