import { maskCustomerPii } from '../../customers/masking.js';
import { sql } from './sql-fragment.js';

/** One customer of a segment as lists and exports show it: PII masked, portrait values current. */
export interface SegmentCustomer {
  customerNo: string;
  /** Masked as everywhere (张*明); company names are public and shown whole. */
  name: string;
  customerType: string;
  industry: string | null;
  orgUnit: { id: string; name: string };
  transformerArea: { id: string; name: string } | null;
  important: boolean;
  special: boolean;
  tags: string[];
  creditGrade: string | null;
  feeRiskClass: number | null;
  scores: Record<string, number | null>;
}

export interface SegmentCustomerRow {
  customer_id: number;
  customer_no: string;
  name: string;
  customer_type: string;
  industry: string | null;
  org_unit_id: string;
  org_name: string;
  transformer_area_id: string | null;
  transformer_area_name: string | null;
  important: boolean;
  special: boolean;
  tags: string[];
  credit_grade: string | null;
  fee_risk_class: number | null;
  scores: Record<string, number | null>;
}

/** The SELECT list over SEGMENT_FROM that SegmentCustomerRow names. */
export const SEGMENT_CUSTOMER_COLUMNS = sql`c.customer_id, c.customer_no, c.name, c.customer_type, c.industry,
  c.org_unit_id, o.name AS org_name, c.transformer_area_id, ta.name AS transformer_area_name, c.important, c.special,
  p.tags, p.credit_grade, p.fee_risk_class, p.scores`;

export function toSegmentCustomer(row: SegmentCustomerRow): SegmentCustomer {
  const { name } = maskCustomerPii({ ...row, phone: null, id_number: null, address: null, wechat_id: null });
  return {
    customerNo: row.customer_no,
    name,
    customerType: row.customer_type,
    industry: row.industry,
    orgUnit: { id: row.org_unit_id, name: row.org_name },
    transformerArea: row.transformer_area_id
      ? { id: row.transformer_area_id, name: row.transformer_area_name ?? row.transformer_area_id }
      : null,
    important: row.important,
    special: row.special,
    tags: row.tags,
    creditGrade: row.credit_grade,
    feeRiskClass: row.fee_risk_class,
    scores: row.scores,
  };
}
