import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { QaViolationCode } from './qa-violations.js';
import type { AreaTrait, CustomerTrait, EmployeeTraits, PaymentArchetype } from './types.js';

/**
 * What the generator planted, one JSON object per line. Engines never read it; tests and
 * evaluations score what engines derived from the traces against it.
 */
export type GroundTruthLine =
  | { type: 'world'; seed: number; customers: number; months: number; end_month: string }
  | {
      type: 'customer';
      customer_no: string;
      traits: CustomerTrait[];
      payment_archetype: PaymentArchetype;
      segment: string;
      theft_from?: string;
      vacancy?: [string, string];
      /** The first day whose reading never arrived (trait collection_failure). */
      readings_stop_from?: string;
      missed_outage_notices?: string[];
    }
  | {
      type: 'employee';
      employee_no: string;
      post: string;
      attitude: EmployeeTraits['attitude'];
      skill: number;
      violation_prone: boolean;
    }
  | {
      type: 'call';
      call_id: string;
      channel: string;
      agent_employee_no: string;
      customer_no: string;
      customer_angry: boolean;
      violations: QaViolationCode[];
    }
  | {
      type: 'transformer_area';
      transformer_area_id: string;
      traits: AreaTrait[];
      /** The first day the concentrator sent nothing (trait concentrator_failure). */
      collection_stop_from: string;
    }
  | { type: 'outage'; outage_id: string; kind: string; slow_restoration: boolean; late_announcement: boolean }
  | {
      type: 'operation_violation';
      code: 'disconnection_without_notice' | 'disconnection_notice_too_late' | 'late_reconnection';
      employee_no: string;
      customer_no: string;
      operation_id: string;
      at: string;
    };

export interface GroundTruthWriter {
  write(line: GroundTruthLine): Promise<void>;
  close(): Promise<void>;
}

/** Writes ground truth as JSON Lines to `file` (DIR/ground-truth.jsonl or <dataDir>/ground-truth/world-<seed>.jsonl). */
export function createGroundTruthFile(file: string): GroundTruthWriter {
  mkdirSync(path.dirname(file), { recursive: true });
  const stream: WriteStream = createWriteStream(file, { encoding: 'utf8' });
  return {
    async write(line) {
      if (!stream.write(`${JSON.stringify(line)}\n`))
        await new Promise<void>((resolve) => stream.once('drain', resolve));
    },
    close: () =>
      new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** Keeps ground truth in memory (tests, small worlds). */
export function createGroundTruthMemory(): GroundTruthWriter & { lines: GroundTruthLine[] } {
  const lines: GroundTruthLine[] = [];
  return { lines, write: async (line) => void lines.push(line), close: async () => undefined };
}

/** Where the ground truth of a world imported into the database lives. */
export function groundTruthPath(dataDir: string, seed: number): string {
  return path.join(dataDir, 'ground-truth', `world-${seed}.jsonl`);
}
