/**
 * The columns of every import kind, as data: type, whether required, allowed values.
 * docs/data-formats.md describes the same table in words; validate.ts applies it.
 */
import { CHANNELS, TOPICS, TRACE_TYPES, WORK_ORDER_TYPES } from '../traces/vocabulary.js';
import type { ImportKind } from './records.js';

export type ColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'month' | 'time' | 'json' | 'turns';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required?: boolean;
  values?: readonly string[];
  /** The moment something happened: a value in the future is rejected. */
  past?: boolean;
  min?: number;
  max?: number;
}

export interface KindSchema {
  columns: readonly ColumnSpec[];
  /** Natural key inside one file: a repeated key is a rejected row. */
  key: readonly string[];
  /** 'required': the record must name its customer; 'optional': may name one; 'none'. */
  customer: 'required' | 'optional' | 'none';
}

export const IDENTITY_COLUMNS = ['customer_no', 'meter_no', 'phone', 'id_number', 'wechat_id'] as const;
export type IdentityColumn = (typeof IDENTITY_COLUMNS)[number];

const req = (name: string, type: ColumnType = 'text', extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  required: true,
  ...extra,
});
const opt = (name: string, type: ColumnType = 'text', extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  ...extra,
});
const identity: ColumnSpec[] = IDENTITY_COLUMNS.map((name) => opt(name));
const keys = (o: object): readonly string[] => Object.keys(o);

export const SCHEMAS: Record<ImportKind, KindSchema> = {
  org_units: {
    columns: [
      req('org_unit_id'),
      opt('parent_id'),
      req('level', 'text', { values: ['company', 'city', 'county', 'station', 'grid'] }),
      req('name'),
    ],
    key: ['org_unit_id'],
    customer: 'none',
  },
  substations: {
    columns: [req('substation_id'), req('name'), opt('voltage_kv', 'number', { min: 0 }), req('org_unit_id')],
    key: ['substation_id'],
    customer: 'none',
  },
  feeders: {
    columns: [req('feeder_id'), req('name'), req('substation_id'), req('org_unit_id')],
    key: ['feeder_id'],
    customer: 'none',
  },
  transformer_areas: {
    columns: [
      req('transformer_area_id'),
      req('name'),
      req('feeder_id'),
      req('org_unit_id'),
      opt('capacity_kva', 'number', { min: 0 }),
    ],
    key: ['transformer_area_id'],
    customer: 'none',
  },
  customers: {
    columns: [
      req('customer_no'),
      req('name'),
      req('customer_type', 'text', { values: ['residential', 'non_residential'] }),
      opt('industry'),
      opt('voltage_level'),
      opt('contract_capacity_kva', 'number', { min: 0 }),
      req('org_unit_id'),
      opt('transformer_area_id'),
      opt('address'),
      opt('phone'),
      opt('id_number'),
      opt('wechat_id'),
      opt('important', 'boolean'),
      opt('special', 'boolean'),
      opt('special_category'),
      opt('opened_on', 'date', { past: true }),
      opt('status', 'text', { values: ['active', 'suspended', 'closed'] }),
    ],
    key: ['customer_no'],
    customer: 'none',
  },
  meters: {
    columns: [
      req('meter_no'),
      req('customer_no'),
      opt('transformer_area_id'),
      opt('installed_on', 'date', { past: true }),
      opt('multiplier', 'number', { min: 0 }),
    ],
    key: ['meter_no'],
    customer: 'none',
  },
  employees: {
    columns: [
      req('employee_no'),
      req('name'),
      req('post'),
      req('org_unit_id'),
      opt('hire_date', 'date', { past: true }),
      opt('birth_year', 'integer', { min: 1900, max: 2100 }),
      opt('gender', 'text', { values: ['M', 'F'] }),
      opt('skill_level', 'integer', { min: 1, max: 5 }),
      opt('phone'),
      opt('status', 'text', { values: ['active', 'left'] }),
    ],
    key: ['employee_no'],
    customer: 'none',
  },
  bills: {
    columns: [
      req('bill_no'),
      ...identity,
      req('period', 'month'),
      req('kwh', 'number', { min: 0 }),
      req('amount', 'number'),
      req('issued_on', 'date', { past: true }),
      req('due_date', 'date'),
    ],
    key: ['bill_no'],
    customer: 'required',
  },
  payments: {
    columns: [
      req('payment_no'),
      ...identity,
      opt('bill_no'),
      req('amount', 'number'),
      req('channel'),
      req('paid_at', 'time', { past: true }),
      opt('due_date', 'date'),
    ],
    key: ['payment_no'],
    customer: 'required',
  },
  credit_reports: {
    columns: [
      req('report_no'),
      ...identity,
      req('agency'),
      req('verdict', 'text', { values: ['dishonest', 'honoured'] }),
      req('reported_on', 'date', { past: true }),
      opt('note'),
    ],
    key: ['report_no'],
    customer: 'required',
  },
  readings: {
    columns: [
      ...identity,
      req('date', 'date', { past: true }),
      req('kwh', 'number', { min: 0 }),
      opt('peak_kwh', 'number', { min: 0 }),
      opt('flat_kwh', 'number', { min: 0 }),
      opt('valley_kwh', 'number', { min: 0 }),
      opt('max_load_kw', 'number', { min: 0 }),
      opt('power_factor', 'number', { min: 0, max: 1 }),
    ],
    key: ['customer_no', 'meter_no', 'phone', 'id_number', 'wechat_id', 'date'],
    customer: 'required',
  },
  work_orders: {
    columns: [
      req('order_no'),
      ...identity,
      opt('case_id'),
      req('order_type', 'text', { values: keys(WORK_ORDER_TYPES) }),
      req('topic_code', 'text', { values: keys(TOPICS) }),
      opt('urgency', 'text', { values: ['normal', 'urgent', 'very_urgent'] }),
      req('status'),
      req('channel', 'text', { values: keys(CHANNELS) }),
      req('created_at', 'time', { past: true }),
      opt('sla_deadline', 'time'),
      opt('closed_at', 'time', { past: true }),
      opt('responsible_employee_no'),
      opt('substantiated', 'boolean'),
      opt('satisfaction', 'integer', { min: 1, max: 5 }),
      opt('summary'),
    ],
    key: ['order_no'],
    customer: 'required',
  },
  work_order_status: {
    columns: [
      req('order_no'),
      req('seq', 'integer', { min: 0 }),
      req('status'),
      req('at', 'time', { past: true }),
      opt('employee_no'),
      opt('note'),
    ],
    key: ['order_no', 'seq'],
    customer: 'none',
  },
  calls: {
    columns: [
      req('call_id'),
      ...identity,
      opt('agent_employee_no'),
      req('channel', 'text', { values: ['phone_95598', 'online_chat'] }),
      req('direction', 'text', { values: ['inbound', 'outbound'] }),
      req('started_at', 'time', { past: true }),
      req('ended_at', 'time', { past: true }),
      opt('caller_phone'),
      opt('case_id'),
      opt('order_no'),
      opt('turns', 'turns'),
    ],
    key: ['call_id'],
    customer: 'optional',
  },
  call_turns: {
    columns: [
      req('call_id'),
      req('seq', 'integer', { min: 0 }),
      req('speaker', 'text', { values: ['agent', 'customer', 'system'] }),
      req('start_ms', 'integer', { min: 0 }),
      req('end_ms', 'integer', { min: 0 }),
      req('text'),
    ],
    key: ['call_id', 'seq'],
    customer: 'none',
  },
  outages: {
    columns: [
      req('outage_id'),
      req('kind', 'text', { values: ['planned', 'fault', 'arrears'] }),
      req('scope_level', 'text', { values: ['feeder', 'transformer_area', 'customer'] }),
      req('scope_id'),
      req('started_at', 'time', { past: true }),
      opt('restored_at', 'time', { past: true }),
      opt('planned_start', 'time'),
      opt('planned_end', 'time'),
      opt('announced_at', 'time', { past: true }),
      opt('cause'),
    ],
    key: ['outage_id'],
    customer: 'none',
  },
  notices: {
    columns: [
      req('notice_id'),
      ...identity,
      req('medium', 'text', { values: ['sms', 'push', 'wechat'] }),
      req('topic'),
      req('sent_at', 'time', { past: true }),
      opt('status', 'text', { values: ['sent', 'delivered', 'failed'] }),
      opt('content'),
      opt('outage_id'),
    ],
    key: ['notice_id'],
    customer: 'required',
  },
  employee_operations: {
    columns: [
      req('operation_id'),
      req('employee_no'),
      ...identity,
      req('operation'),
      req('at', 'time', { past: true }),
      opt('system'),
      opt('detail', 'json'),
    ],
    key: ['operation_id'],
    customer: 'optional',
  },
  traces: {
    columns: [
      req('source_id'),
      ...identity,
      req('occurred_at', 'time', { past: true }),
      req('trace_type', 'text', { values: keys(TRACE_TYPES) }),
      req('channel', 'text', { values: keys(CHANNELS) }),
      opt('direction', 'text', { values: ['inbound', 'outbound', 'internal'] }),
      opt('employee_no'),
      opt('case_id'),
      opt('topic', 'text', { values: keys(TOPICS) }),
      opt('attributes', 'json'),
    ],
    key: ['source_id'],
    customer: 'optional',
  },
};

/** Columns a file must have in its header (identity columns: at least one of them). */
export function requiredHeaderColumns(kind: ImportKind): string[] {
  return SCHEMAS[kind].columns.filter((c) => c.required).map((c) => c.name);
}
