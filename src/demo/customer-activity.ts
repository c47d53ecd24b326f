import type { ActivityContext } from './activity-context.js';
import { generateBilling } from './billing.js';
import { generateChannelTraces } from './channel-traces.js';
import { DAY, HOUR } from './clock.js';
import { generateReadings } from './consumption.js';
import { makeContact } from './contacts.js';
import { generateDirectEscalations } from './direct-escalations.js';
import { type Ask, generateGrievances, generateInfluencerPosts } from './grievances.js';
import type { GroundTruthLine } from './ground-truth.js';
import { generateOutageEffects } from './outage-effects.js';
import { generateOutageEnquiries } from './outage-enquiries.js';

const EVERYDAY: readonly (readonly [Ask, number])[] = [
  [{ intent: 'new_connection', topic: 'new_connection', type: 'service_request', summary: '客户咨询新装用电办理' }, 3],
  [{ intent: 'payment_channel', topic: 'payment_channel', type: 'consultation', summary: '客户咨询缴费渠道' }, 4],
  [{ intent: 'time_of_use', topic: 'time_of_use', type: 'consultation', summary: '客户咨询峰谷分时电价' }, 3],
  [{ intent: 'electrification', topic: 'electrification', type: 'consultation', summary: '客户咨询电能替代政策' }, 1],
  [{ intent: 'meter_query', topic: 'meter', type: 'service_request', summary: '客户申请电能表校验' }, 2],
  [{ intent: 'power_quality', topic: 'power_quality', type: 'service_request', summary: '客户反映电压不稳' }, 2],
  [{ intent: 'theft_report', topic: 'theft', type: 'report', summary: '客户举报疑似窃电' }, 0.5],
  [{ intent: 'praise', topic: 'other', type: 'praise', summary: '客户表扬服务人员' }, 1],
];

/** One customer's whole window of activity, driven by his latent traits. */
export function generateCustomerActivity(ctx: ActivityContext): void {
  const { rng, profile, clock, batch } = ctx;
  const uses = generateReadings(profile, clock, rng, batch.records.readings);
  const { bills, disconnections } = generateBilling(ctx, uses);
  const missed = generateOutageEffects(ctx);
  const years = clock.days / 365;

  // Fee-sensitive customers ask about nearly every big bill and complain about tariffs.
  const feeSensitive = ctx.has('fee_sensitive');
  for (const bill of bills) {
    const big = bill.relative > 1.3 ? 2 : 1;
    const amount = String(bill.bill.amount);
    const at = ctx.wakingTime(bill.issuedMs + DAY, bill.issuedMs + 10 * DAY);
    if (rng.chance((feeSensitive ? 0.18 : 0.008) * big)) {
      makeContact(ctx, {
        atMs: at,
        intent: 'bill_query',
        topic: rng.chance(0.2) ? 'billing_error' : 'fee',
        orderType: 'consultation',
        slots: { amount },
        summary: `客户咨询${bill.bill.period}电费${amount}元偏高`,
      });
    } else if (rng.chance((feeSensitive ? 0.04 : 0.002) * big)) {
      makeContact(ctx, {
        atMs: at,
        intent: 'tariff_complaint',
        topic: 'fee',
        orderType: 'complaint',
        substantiated: rng.chance(0.1),
        slots: { amount },
        summary: `客户对${bill.bill.period}电费${amount}元有异议`,
      });
    }
  }

  // After an arrears disconnection the customer calls; without a notice, he complains.
  for (const cut of disconnections) {
    const amount = String(cut.amount);
    if (cut.withoutNotice && rng.chance(0.8)) {
      makeContact(ctx, {
        atMs: cut.atMs + rng.range(0.5, 6) * HOUR,
        intent: 'disconnected_no_notice',
        topic: 'arrears_disconnection',
        orderType: 'complaint',
        substantiated: true,
        angry: true,
        slots: { amount },
        summary: '客户投诉欠费停电前未收到通知',
      });
    } else if (rng.chance(0.45)) {
      const after = cut.reconnectedMs !== undefined && rng.chance(0.5);
      makeContact(ctx, {
        atMs: after ? cut.atMs + rng.range(12, 30) * HOUR : cut.atMs + rng.range(1, 8) * HOUR,
        intent: 'arrears_disconnection',
        topic: 'arrears_disconnection',
        orderType: 'service_request',
        slots: { amount },
        summary: '客户缴费后咨询复电时间',
      });
    }
  }

  generateGrievances(ctx, bills);
  generateInfluencerPosts(ctx);

  // Everyday questions anyone may have.
  const everyday = rng.poisson((ctx.profile.segment === 'residential' ? 0.2 : 0.6) * years);
  for (let k = 0; k < everyday; k++) {
    const ask = rng.weighted(EVERYDAY);
    makeContact(ctx, {
      atMs: ctx.wakingTime(clock.startMs, clock.endMs - 3 * HOUR),
      intent: ask.intent,
      topic: ask.topic,
      orderType: ask.type,
      summary: ask.summary,
    });
  }
  generateChannelTraces(ctx, bills);
  generateOutageEnquiries(ctx);
  generateDirectEscalations(ctx);

  const truth: Extract<GroundTruthLine, { type: 'customer' }> = {
    type: 'customer',
    customer_no: ctx.customerNo,
    traits: [...profile.traits].sort(),
    payment_archetype: profile.paymentArchetype,
    segment: profile.segment,
  };
  if (profile.theftFromDay !== undefined) truth.theft_from = clock.dates[profile.theftFromDay] ?? '';
  if (profile.vacancy)
    truth.vacancy = [
      clock.dates[profile.vacancy[0]] ?? '',
      clock.dates[Math.min(clock.days - 1, profile.vacancy[1])] ?? '',
    ];
  if (profile.readingsStopDay !== undefined) truth.readings_stop_from = clock.dates[profile.readingsStopDay] ?? '';
  if (missed.length > 0) truth.missed_outage_notices = missed;
  batch.truth.push(truth);
}
