import type { Topic, WorkOrderType } from '../traces/vocabulary.js';
import type { ActivityContext } from './activity-context.js';
import type { BillEvent } from './billing.js';
import { HOUR } from './clock.js';
import { makeContact, socialPost } from './contacts.js';
import type { Intent } from './phrases.js';

export interface Ask {
  intent: Intent;
  topic: Topic;
  type: WorkOrderType;
  summary: string;
}

/** What goes wrong for a customer and what he may complain about. */
export const GRIEVANCES: readonly Ask[] = [
  { intent: 'service_attitude', topic: 'service_attitude', type: 'complaint', summary: '客户反映工作人员服务态度问题' },
  { intent: 'power_quality', topic: 'power_quality', type: 'complaint', summary: '客户投诉电压质量差' },
  { intent: 'tariff_complaint', topic: 'fee', type: 'complaint', summary: '客户投诉电费过高' },
  { intent: 'meter_query', topic: 'meter', type: 'complaint', summary: '客户投诉电表计量不准' },
  { intent: 'outage_slow', topic: 'repair_timeliness', type: 'opinion', summary: '客户对抢修速度提出意见' },
];

/** Questions that an upset customer rings about as readily as anyone (no praise, no reports). */
const VENTING: readonly Ask[] = [
  { intent: 'bill_query', topic: 'fee', type: 'consultation', summary: '客户咨询电费' },
  { intent: 'payment_channel', topic: 'payment_channel', type: 'consultation', summary: '客户咨询缴费渠道' },
  { intent: 'power_quality', topic: 'power_quality', type: 'service_request', summary: '客户反映电压不稳' },
  { intent: 'meter_query', topic: 'meter', type: 'service_request', summary: '客户申请电能表校验' },
  { intent: 'new_connection', topic: 'new_connection', type: 'service_request', summary: '客户咨询新装用电办理' },
];

const SLOTS = { hours: '3', eta: '18:00', cause: '线路故障' };

function contactAbout(
  ctx: ActivityContext,
  ask: Ask,
  type: WorkOrderType,
  substantiated: boolean,
  amount: string,
): void {
  const { clock } = ctx;
  makeContact(ctx, {
    atMs: ctx.wakingTime(clock.startMs, clock.endMs - 3 * HOUR),
    intent: ask.intent,
    topic: ask.topic,
    orderType: type,
    substantiated,
    slots: { amount, ...SLOTS },
    summary: ask.summary,
  });
}

/**
 * The grievance-driven contacts of the friendliness and expectation traits:
 * - a repeat complainer complains at least twice a year, mostly about one grievance that
 *   is mostly found unsubstantiated;
 * - an escalation-prone customer complains when something goes wrong for him (and then
 *   escalates, contacts.ts); mostly something really did go wrong;
 * - an emotional customer rings more often than most (and is angry in most calls, contacts.ts).
 */
export function generateGrievances(ctx: ActivityContext, bills: readonly BillEvent[]): void {
  const { rng, clock } = ctx;
  const years = clock.days / 365;
  const amount = String(bills[0]?.bill.amount ?? 0);
  if (ctx.has('repeat_complainer')) {
    const favourite = rng.pick(GRIEVANCES);
    const count = 2 + rng.poisson(2.5 * years);
    for (let k = 0; k < count; k++) {
      const ask = rng.chance(0.7) ? favourite : rng.pick(GRIEVANCES);
      contactAbout(ctx, ask, 'complaint', rng.chance(0.15), amount);
    }
  }
  if (ctx.has('escalation_prone')) {
    const count = rng.poisson(2 * years);
    for (let k = 0; k < count; k++) contactAbout(ctx, rng.pick(GRIEVANCES), 'complaint', rng.chance(0.7), amount);
  }
  if (ctx.has('emotional')) {
    const count = rng.poisson(3 * years);
    for (let k = 0; k < count; k++) {
      if (rng.chance(0.25)) contactAbout(ctx, rng.pick(GRIEVANCES), 'opinion', rng.chance(0.3), amount);
      else {
        const ask = rng.pick(VENTING);
        contactAbout(ctx, ask, ask.type, false, amount);
      }
    }
  }
}

const POST_TOPICS: readonly (readonly [Topic, string, 'negative' | 'neutral' | 'positive'])[] = [
  ['outage', '小区又停电了，什么时候能来电？', 'negative'],
  ['fee', '这个月电费又涨了，大家家里多少？', 'negative'],
  ['electrification', '家里换了电磁炉和空气能热水器，说说用电体验', 'neutral'],
  ['payment_channel', '网上国网交电费挺方便，推荐给大家', 'positive'],
  ['other', '给抢修师傅点个赞，半夜还在干活', 'positive'],
];

/**
 * An influential customer talks about the power service in public: now and then on any
 * subject, and after an outage in his area. His followers give him away, not a flag.
 */
export function generateInfluencerPosts(ctx: ActivityContext): void {
  if (!ctx.has('high_social_influence')) return;
  const { rng, clock, profile } = ctx;
  const count = rng.poisson(2.5 * (clock.days / 365));
  for (let k = 0; k < count; k++) {
    const [topic, text, sentiment] = rng.pick(POST_TOPICS);
    socialPost(ctx, ctx.wakingTime(clock.startMs, clock.endMs), topic, text, sentiment);
  }
  for (const outage of profile.area.outages) {
    if (outage.kind === 'fault' && rng.chance(0.3))
      socialPost(ctx, outage.startMs + rng.range(0.5, 3) * HOUR, 'outage', '又停电了，热得睡不着', 'negative');
  }
}
