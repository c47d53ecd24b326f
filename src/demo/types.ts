import type { CustomerRecord, EmployeeRecord, OutageRecord } from '../ingest/records.js';

export interface DemoWorldOptions {
  customers: number;
  months: number;
  seed: number;
  /** 'YYYY-MM'; the world ends at the end of this month, Asia/Shanghai. */
  endMonth: string;
}

export const CUSTOMER_TRAITS = [
  'outage_sensitive',
  'fee_sensitive',
  'emotional',
  'escalation_prone',
  'high_social_influence',
  'chronic_late_payer',
  'electricity_theft',
  'collection_failure',
  'repeat_complainer',
  'digital_native',
  'hall_goer',
] as const;
export type CustomerTrait = (typeof CUSTOMER_TRAITS)[number];

/** What the demo world plants in a transformer area. */
export type AreaTrait = 'concentrator_failure';

export type PaymentArchetype = 'auto_debit' | 'on_time' | 'late' | 'chronic_arrears';
export type Segment = 'residential' | 'commercial' | 'industrial';

export interface DemoOutage {
  readonly record: OutageRecord;
  readonly kind: 'planned' | 'fault';
  readonly startMs: number;
  readonly restoredMs: number;
  readonly announcedMs?: number;
  /** Restoration slower than the service norm (3 h urban / 4 h rural after arrival). */
  readonly slow: boolean;
}

export interface Area {
  readonly id: string;
  readonly name: string;
  readonly feederId: string;
  readonly gridId: string;
  readonly stationId: string;
  readonly countyIndex: number;
  readonly urban: boolean;
  readonly firstCustomer: number;
  readonly customerCount: number;
  /** Planned and fault outages that reach this area (its own and its feeder's), by start. */
  outages: DemoOutage[];
  /**
   * Day index from which the area's concentrator (or its link) sent nothing: every meter of
   * the area falls silent at once (planConcentratorFailures).
   */
  collectionStopDay?: number;
}

export interface County {
  readonly id: string;
  readonly name: string;
  readonly cityName: string;
  readonly code: string;
  readonly urban: boolean;
}

export interface EmployeeTraits {
  attitude: 'good' | 'poor';
  skill: number;
  violationProne: boolean;
}

export interface DemoEmployee {
  readonly record: EmployeeRecord;
  readonly traits: EmployeeTraits;
}

export interface CustomerProfile {
  readonly index: number;
  readonly record: CustomerRecord;
  readonly meterNo: string;
  readonly area: Area;
  readonly segment: Segment;
  readonly traits: ReadonlySet<CustomerTrait>;
  readonly paymentArchetype: PaymentArchetype;
  /** Typical kWh per day before seasonal swings. */
  readonly baseKwh: number;
  /** Day index from which a thief's meter records a fraction of real use. */
  readonly theftFromDay?: number;
  readonly theftFactor: number;
  /** Day span with near-zero use (a vacant home): the noise that looks like theft. */
  readonly vacancy?: readonly [number, number];
  /** Day index from which the meter's daily readings no longer reach the collection system. */
  readonly readingsStopDay?: number;
  readonly age: number;
  readonly gender: 'M' | 'F';
}
