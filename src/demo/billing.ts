import type { BillRecord, PaymentRecord } from '../ingest/records.js';
import type { ActivityContext } from './activity-context.js';
import { DAY, formatDate, formatTime, HOUR, MINUTE, monthStart } from './clock.js';
import { businessAmount, type MonthUse, residentialAmount } from './consumption.js';
import { required } from './employees.js';

export interface BillEvent {
  bill: BillRecord;
  issuedMs: number;
  /** Amount relative to the customer's average bill (a summer bill may be 1.6×). */
  relative: number;
}

export interface DisconnectionEvent {
  atMs: number;
  reconnectedMs?: number;
  withoutNotice: boolean;
  outageId: string;
  amount: number;
}

export interface BillingOutcome {
  bills: BillEvent[];
  disconnections: DisconnectionEvent[];
}

function payChannel(ctx: ActivityContext): string {
  if (ctx.has('digital_native'))
    return ctx.rng.weighted([
      ['app', 45],
      ['wechat', 30],
      ['alipay', 25],
    ] as const);
  if (ctx.has('hall_goer'))
    return ctx.rng.weighted([
      ['hall', 70],
      ['bank_counter', 30],
    ] as const);
  return ctx.rng.weighted([
    ['wechat', 35],
    ['alipay', 25],
    ['app', 15],
    ['bank_counter', 10],
    ['hall', 15],
  ] as const);
}

/** Days after the due date the customer pays (0 = on time), by payment archetype. */
function delayDays(ctx: ActivityContext): number {
  const { rng } = ctx;
  switch (ctx.profile.paymentArchetype) {
    case 'auto_debit':
      return 0;
    case 'on_time':
      return rng.chance(0.02) ? rng.int(1, 10) : 0;
    case 'late':
      return rng.chance(0.2) ? rng.int(1, 20) : 0;
    case 'chronic_arrears':
      // Skewed: most late payments are a week or two late, a few run past a month.
      return rng.chance(0.25) ? 0 : 4 + Math.floor(41 * rng.float() ** 2);
  }
}

/**
 * Bills (issued on the 3rd of the next month, due on the 23rd), payments and the arrears
 * process: reminder SMS after the due date, disconnection notice ≥ 7 days before the
 * disconnection, disconnection, payment, reconnection within 24 h. A violation-prone grid
 * manager sometimes disconnects with no notice or too short a notice, and reconnects late.
 */
export function generateBilling(ctx: ActivityContext, uses: readonly MonthUse[]): BillingOutcome {
  const { rng, profile, clock, batch } = ctx;
  const bills: BillEvent[] = [];
  const disconnections: DisconnectionEvent[] = [];
  const manager = required(ctx.staff.gridManagerByGrid.get(profile.area.gridId), 'grid manager');
  const amounts = uses.map((u) =>
    profile.segment === 'residential' ? residentialAmount(u.kwh, u.month) : businessAmount(u),
  );
  const mean = amounts.reduce((a, b) => a + b, 0) / Math.max(1, amounts.length);
  uses.forEach((use, i) => {
    const issuedMs = monthStart(use.month, 1) + 2 * DAY + 9 * HOUR;
    if (issuedMs >= clock.endMs) return;
    const dueMs = monthStart(use.month, 1) + 22 * DAY;
    const amount = amounts[i] ?? 0;
    const bill: BillRecord = {
      bill_no: `B${use.month.replace('-', '')}${ctx.customerNo}`,
      customer_no: ctx.customerNo,
      period: use.month,
      kwh: Math.round(use.kwh * 100) / 100,
      amount,
      issued_on: formatDate(issuedMs),
      due_date: formatDate(dueMs),
    };
    batch.push('bills', bill);
    bills.push({ bill, issuedMs, relative: mean > 0 ? amount / mean : 1 });
    const medium = ctx.has('digital_native') ? 'push' : profile.record.wechat_id ? 'wechat' : 'sms';
    batch.push('notices', {
      notice_id: ctx.nextId('N'),
      customer_no: ctx.customerNo,
      medium,
      topic: 'bill',
      sent_at: formatTime(issuedMs + rng.int(0, 180) * MINUTE),
      status: 'delivered',
      content: `尊敬的客户，您${use.month}电费${amount}元，请于${bill.due_date}前缴纳。`,
    });
    if (amount <= 0) return;

    const delay = delayDays(ctx);
    let paidMs =
      delay === 0
        ? profile.paymentArchetype === 'auto_debit'
          ? issuedMs + DAY + rng.int(1, 5) * HOUR
          : ctx.wakingTime(issuedMs + HOUR, dueMs)
        : dueMs + delay * DAY + rng.int(8, 20) * HOUR;
    if (delay > 0 && dueMs + 2 * DAY < clock.endMs && delay > 2) {
      batch.push('notices', {
        notice_id: ctx.nextId('N'),
        customer_no: ctx.customerNo,
        medium: 'sms',
        topic: 'arrears_reminder',
        sent_at: formatTime(dueMs + rng.int(1, 2) * DAY + 10 * HOUR),
        status: 'delivered',
        content: `您户号${ctx.customerNo}欠费${amount}元，请尽快缴纳，以免影响正常用电。`,
      });
    }
    // Disconnection for arrears only after a notice ≥ 7 days before (REQUIREMENTS N, S0's R1).
    if (delay >= 20) {
      const prone = manager.traits.violationProne;
      const breach = rng.chance(prone ? 0.45 : 0.03)
        ? rng.chance(0.6)
          ? 'disconnection_without_notice'
          : 'disconnection_notice_too_late'
        : undefined;
      const noticeMs = dueMs + rng.int(8, 10) * DAY + 10 * HOUR;
      const cutMs =
        breach === 'disconnection_notice_too_late'
          ? noticeMs + rng.int(1, 4) * DAY + 2 * HOUR
          : noticeMs + rng.int(7, 9) * DAY + rng.int(1, 5) * HOUR;
      if (breach !== 'disconnection_without_notice' && noticeMs < clock.endMs) {
        batch.push('notices', {
          notice_id: ctx.nextId('N'),
          customer_no: ctx.customerNo,
          medium: 'sms',
          topic: 'disconnection_notice',
          sent_at: formatTime(noticeMs),
          status: 'delivered',
          content: `您户号${ctx.customerNo}欠费${amount}元，如未在7日内缴清，将依法停止供电。`,
        });
      }
      if (cutMs < paidMs && cutMs < clock.endMs) {
        const outageId = ctx.nextId('AO');
        paidMs = Math.max(paidMs, cutMs + rng.range(6, 72) * HOUR);
        const lateReconnect = rng.chance(prone ? 0.3 : 0.02);
        const reconnectMs = paidMs + (lateReconnect ? rng.range(26, 60) : rng.range(0.5, 20)) * HOUR;
        const opId = ctx.nextId('OP');
        batch.push('outages', {
          outage_id: outageId,
          kind: 'arrears',
          scope_level: 'customer',
          scope_id: ctx.customerNo,
          started_at: formatTime(cutMs),
          ...(reconnectMs < clock.endMs ? { restored_at: formatTime(reconnectMs) } : {}),
          cause: '欠费停电',
        });
        batch.push('employee_operations', {
          operation_id: opId,
          employee_no: manager.record.employee_no,
          customer_no: ctx.customerNo,
          operation: 'disconnection',
          at: formatTime(cutMs),
          system: 'collection',
          detail: { outage_id: outageId, bill_no: bill.bill_no, arrears: amount },
        });
        if (breach)
          batch.truth.push({
            type: 'operation_violation',
            code: breach,
            employee_no: manager.record.employee_no,
            customer_no: ctx.customerNo,
            operation_id: opId,
            at: formatTime(cutMs),
          });
        const event: DisconnectionEvent = { atMs: cutMs, withoutNotice: breach !== undefined, outageId, amount };
        if (reconnectMs < clock.endMs) {
          const reconnectId = ctx.nextId('OP');
          batch.push('employee_operations', {
            operation_id: reconnectId,
            employee_no: manager.record.employee_no,
            customer_no: ctx.customerNo,
            operation: 'reconnection',
            at: formatTime(reconnectMs),
            system: 'collection',
            detail: { outage_id: outageId, paid_at: formatTime(paidMs) },
          });
          if (lateReconnect)
            batch.truth.push({
              type: 'operation_violation',
              code: 'late_reconnection',
              employee_no: manager.record.employee_no,
              customer_no: ctx.customerNo,
              operation_id: reconnectId,
              at: formatTime(reconnectMs),
            });
          event.reconnectedMs = reconnectMs;
        }
        disconnections.push(event);
      }
    }
    if (paidMs < clock.endMs) {
      const channel = profile.paymentArchetype === 'auto_debit' ? 'auto_debit' : payChannel(ctx);
      const payment: PaymentRecord = {
        payment_no: ctx.nextId('P'),
        customer_no: ctx.customerNo,
        bill_no: bill.bill_no,
        amount,
        channel,
        paid_at: formatTime(paidMs),
        due_date: bill.due_date,
      };
      batch.push('payments', payment);
    }
  });
  return { bills, disconnections };
}
