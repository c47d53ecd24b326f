/**
 * Third-party credit records (第三方信用信息): a registry's verdict on a customer, which moves
 * the credit score (docs/portraits-credit.md). Not a service trace, so no trace is written;
 * and a record for a customer not (yet) known is rejected, naming the row, rather than
 * quarantined: the quarantine waits for a trace, and this file is re-imported safely once the
 * customer is.
 */
import { type KindWriter, outcomeOf } from '../batch.js';
import { type UpsertSpec, upsert } from '../sql.js';
import { resolveOrReject } from './common.js';

const col = (name: string, type = 'text') => ({ name, type });

const CREDIT_REPORT: UpsertSpec = {
  table: 'credit_report',
  key: ['report_no'],
  columns: [
    col('report_no'),
    col('customer_id', 'bigint'),
    col('agency'),
    col('verdict'),
    col('reported_on', 'date'),
    col('note'),
    col('source'),
  ],
  touch: true,
};

export const writeCreditReports: KindWriter<'credit_reports'> = async (tx, ctx, items) => {
  const { resolved, rejected } = await resolveOrReject(tx, items, 'import the customer first');
  const written = await upsert(
    tx,
    CREDIT_REPORT,
    resolved.map(({ item, customerId }) => ({ ...item.record, customer_id: customerId, source: ctx.source })),
  );
  return outcomeOf(resolved.length, written, rejected);
};
