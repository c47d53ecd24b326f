/**
 * Third-party credit records (第三方信用信息): a registry's verdict on a customer, which moves
 * the credit score (docs/portraits-credit.md). Not a service trace, so no trace is written;
 * and a record for a customer not (yet) known is rejected, naming the row, rather than
 * quarantined: the quarantine waits for a trace, and this file is re-imported safely once the
 * customer is.
 */
import { type KindWriter, outcomeOf, type Rejection, reject } from '../batch.js';
import { resolveCustomers, unresolvedReason } from '../identity.js';
import { type UpsertSpec, upsert } from '../sql.js';

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
  const resolutions = await resolveCustomers(
    tx,
    items.map((i) => i.record),
  );
  const rejected: Rejection[] = [];
  const accepted: Record<string, unknown>[] = [];
  for (const [i, item] of items.entries()) {
    const customerId = resolutions[i];
    if (typeof customerId === 'number') accepted.push({ ...item.record, customer_id: customerId, source: ctx.source });
    else rejected.push(reject(item, 'customer_no', `${unresolvedReason(item.record)}; import the customer first`));
  }
  const written = await upsert(tx, CREDIT_REPORT, accepted);
  return outcomeOf(accepted.length, written, rejected);
};
