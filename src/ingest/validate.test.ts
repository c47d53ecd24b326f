import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseMonth, parseNumber, parseTime } from './fields.js';
import { validateRecord } from './validate.js';

const NOW = new Date('2026-11-23T02:00:00Z');

describe('cell parsers', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['是', true],
    ['Y', true],
    ['false', false],
    ['0', false],
    ['否', false],
    [true, true],
    [0, false],
  ])('reads %j as boolean %j', (cell, expected) => {
    expect(parseBoolean(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['maybe', '2', ''])('rejects %j as a boolean', (cell) => {
    expect(parseBoolean(cell).ok).toBe(false);
  });

  it.each([
    ['2026-03-01T08:30:00+08:00', '2026-03-01T00:30:00.000Z'],
    ['2026-03-01T00:30:00Z', '2026-03-01T00:30:00.000Z'],
    ['2026-03-01 08:30:00', '2026-03-01T00:30:00.000Z'],
    ['2026/3/1 8:30', '2026-03-01T00:30:00.000Z'],
    ['2026-03-01T08:30', '2026-03-01T00:30:00.000Z'],
    [new Date('2026-03-01T08:30:00Z'), '2026-03-01T00:30:00.000Z'],
  ])('reads time %j as Beijing time → %s', (cell, expected) => {
    expect(parseTime(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026-03-01', '2026-02-30 10:00:00', '2026-02-30T10:00:00+08:00', 'yesterday', '2026-03-01 10:00:00x'])(
    'rejects time %j',
    (cell) => {
      expect(parseTime(cell).ok).toBe(false);
    },
  );

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026-03-01 00:00:00', '2026-03-01'],
  ])('reads date %j', (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026-02-30', '2026-13-01', '01/03/2026'])('rejects date %j', (cell) => {
    expect(parseDate(cell).ok).toBe(false);
  });

  it.each([
    ['2026-09', '2026-09'],
    ['202609', '2026-09'],
    ['2026-09-01', '2026-09'],
  ])('reads month %j', (cell, expected) => {
    expect(parseMonth(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12.5', 12.5],
    ['-3', -3],
    ['1e3', 1000],
    [7, 7],
  ])('reads number %j', (cell, expected) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['lots', '1,5', '12kWh', Number.NaN])('rejects number %j', (cell) => {
    expect(parseNumber(cell).ok).toBe(false);
  });
});

const reading = { meter_no: 'M1', date: '2026-10-01', kwh: '3.5' };
const bill = {
  bill_no: 'B1',
  customer_no: 'C1',
  period: '2026-09',
  kwh: '10',
  amount: '5.6',
  issued_on: '2026-10-01',
  due_date: '2026-10-25',
};

describe('validateRecord', () => {
  it.each([
    ['readings', { ...reading, kwh: '-0.1' }, 'kwh', 'below the minimum'],
    ['readings', { ...reading, date: '2026-12-01' }, 'date', 'in the future'],
    ['readings', { ...reading, kwh: '' }, 'kwh', 'required value is missing'],
    ['readings', { date: '2026-10-01', kwh: '1' }, 'customer_no', 'names no customer'],
    ['readings', { ...reading, power_factor: '1.2' }, 'power_factor', 'above the maximum'],
    ['bills', { ...bill, period: '2026-13' }, 'period', 'not a month'],
    [
      'customers',
      { customer_no: 'C1', name: 'x', customer_type: 'farm', org_unit_id: 'O' },
      'customer_type',
      'not one of',
    ],
    [
      'customers',
      { customer_no: 'C1', name: 'x', customer_type: 'residential', org_unit_id: 'O', important: 'maybe' },
      'important',
      'not a boolean',
    ],
    [
      'work_orders',
      {
        order_no: 'W',
        customer_no: 'C',
        order_type: 'complaint',
        topic_code: 'weather',
        status: 'new',
        channel: 'app',
        created_at: '2026-10-01 10:00:00',
      },
      'topic_code',
      'not one of',
    ],
    [
      'calls',
      {
        call_id: 'K',
        channel: 'phone_95598',
        direction: 'inbound',
        started_at: '2026-10-01 10:00:00',
        ended_at: '2026-10-01 09:00:00',
      },
      'ended_at',
      'ends before it starts',
    ],
    [
      'employee_operations',
      { operation_id: 'O', employee_no: 'E', operation: 'x', at: '2026-10-01 10:00:00', detail: '{bad' },
      'detail',
      'not valid JSON',
    ],
    [
      'traces',
      { source_id: 's', occurred_at: '2026-10-01 10:00:00', trace_type: 'teleport', channel: 'app', customer_no: 'C' },
      'trace_type',
      'not one of',
    ],
    [
      'traces',
      { source_id: 's', occurred_at: '2026-10-01 10:00:00', trace_type: 'app_login', channel: 'app' },
      'customer_no',
      'neither a customer nor an employee',
    ],
    [
      'calls',
      {
        call_id: 'K',
        channel: 'online_chat',
        direction: 'inbound',
        started_at: '2026-10-01 10:00:00',
        ended_at: '2026-10-01 10:01:00',
        turns: [{ seq: 1, speaker: 'bot', start_ms: 0, end_ms: 1, text: 'x' }],
      },
      'turns',
      'turn 1: speaker',
    ],
  ] as const)('rejects a %s row: %j → %s', (kind, raw, field, reason) => {
    const result = validateRecord(kind, raw, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.reason).toContain(reason);
    }
  });

  it('types a CSV row of strings', () => {
    const result = validateRecord('bills', bill, NOW);
    expect(result).toEqual({
      ok: true,
      record: {
        bill_no: 'B1',
        customer_no: 'C1',
        period: '2026-09',
        kwh: 10,
        amount: 5.6,
        issued_on: '2026-10-01',
        due_date: '2026-10-25',
      },
    });
  });

  it('accepts typed JSON values and parses a JSON attributes cell', () => {
    const result = validateRecord(
      'traces',
      {
        source_id: 's',
        phone: '138',
        occurred_at: '2026-10-01T10:00:00+08:00',
        trace_type: 'hall_visit',
        channel: 'hall',
        attributes: '{"counter":3}',
      },
      NOW,
    );
    expect(result.ok && result.record.attributes).toEqual({ counter: 3 });
  });

  it('allows a due date in the future but not an issue date', () => {
    expect(validateRecord('bills', { ...bill, due_date: '2027-01-01' }, NOW).ok).toBe(true);
    expect(validateRecord('bills', { ...bill, issued_on: '2027-01-01' }, NOW).ok).toBe(false);
  });
});
