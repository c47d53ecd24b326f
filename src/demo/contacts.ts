import type { CallRecord, WorkOrderRecord } from '../ingest/records.js';
import type { Topic, WorkOrderType } from '../traces/vocabulary.js';
import type { ActivityContext } from './activity-context.js';
import { formatTime, HOUR, MINUTE } from './clock.js';
import { required } from './employees.js';
import { ACCOUNT_INTENTS, type Intent } from './phrases.js';
import { restatementDue } from './qa-evidence.js';
import { HABIT_VIOLATION_CODES, type HabitViolationCode, type QaViolationCode } from './qa-violations.js';
import { buildTranscript } from './transcripts.js';
import type { DemoEmployee } from './types.js';
import { finishOrder, planLifecycle } from './work-orders.js';

export interface ContactRequest {
  atMs: number;
  intent: Intent;
  topic: Topic;
  orderType: WorkOrderType;
  urgency?: 'normal' | 'urgent' | 'very_urgent';
  angry?: boolean;
  /** The employee the case is about (complaints) or who handles it (field work). */
  responsible?: DemoEmployee;
  substantiated?: boolean;
  restoredMs?: number;
  slots?: Record<string, string>;
  summary: string;
}

const SOCIAL = ['微博', '抖音', '微信朋友圈', '今日头条', '小红书'] as const;

/** Chooses which violations an agent's call carries: attitude, skill and habit drive them. */
function plantViolations(
  ctx: ActivityContext,
  agent: DemoEmployee,
  applicable: (c: QaViolationCode) => boolean,
): Set<QaViolationCode> {
  const { attitude, skill, violationProne } = agent.traits;
  const base = 0.006;
  const poor = attitude === 'poor';
  const weak = skill <= 2;
  const p: Record<Exclude<QaViolationCode, HabitViolationCode>, number> = {
    missing_greeting: poor ? 0.05 : base,
    missing_self_intro: weak ? 0.08 : base,
    no_identity_check: weak ? 0.08 : base,
    forbidden_words: poor ? 0.12 : base / 2,
    long_silence_no_hold_notice: weak ? 0.1 : base,
    angry_not_soothed: poor ? 0.4 : 0.04,
    interruption: poor ? 0.1 : base,
    missing_closing: weak || poor ? 0.06 : base,
    transfer_without_explanation: weak ? 0.25 : 0.03,
  };
  const planted = new Set<QaViolationCode>();
  for (const code of Object.keys(p) as (keyof typeof p)[]) {
    if (applicable(code) && ctx.rng.chance(Math.min(0.6, p[code] * (violationProne ? 2 : 1)))) planted.add(code);
  }
  // From the habits stream, so the draws above keep their sequence (see ActivityContext.habits).
  const habit: Record<HabitViolationCode, number> = { no_confirmation: weak ? 0.1 : 0.015 };
  for (const code of HABIT_VIOLATION_CODES) {
    if (applicable(code) && ctx.habits.chance(Math.min(0.6, habit[code] * (violationProne ? 2 : 1)))) planted.add(code);
  }
  return planted;
}

/** The customer prefers chat when at home online; otherwise phones 95598. */
function contactChannel(ctx: ActivityContext): 'phone_95598' | 'online_chat' {
  return ctx.has('digital_native') && ctx.rng.chance(0.45) ? 'online_chat' : 'phone_95598';
}

/**
 * One customer contact: the call or chat with its transcript, the work order it creates with
 * its status history, field feedback and callback traces on the same case, and, for
 * escalation-prone or influential customers, the 12398 escalation and the social post.
 */
export function makeContact(ctx: ActivityContext, req: ContactRequest): void {
  const { rng, profile, staff } = ctx;
  if (!ctx.inWorld(req.atMs) || !ctx.inWorld(req.atMs + 2 * HOUR)) return;
  const channel = contactChannel(ctx);
  const agent = rng.pick(staff.agents);
  // Anyone loses his temper now and then; an emotional customer in most contacts.
  const angry = req.angry ?? rng.chance(ctx.has('emotional') ? 0.8 : 0.015);
  const complaint = req.orderType === 'complaint';
  const prone = ctx.has('escalation_prone');
  // The prone take most complaints over our heads; anyone else now and then, when angry.
  const escalation = complaint && rng.chance(prone ? 0.7 : angry ? 0.06 : 0.015);
  // Threatening to is commoner than doing it: the prone say it in most complaints and in
  // angry calls, others only in an occasional angry complaint.
  const threat =
    escalation || (prone ? (complaint || angry) && rng.chance(0.6) : complaint && angry && rng.chance(0.04));
  const transfer = channel === 'phone_95598' && rng.chance(0.08);
  const phone = channel === 'phone_95598';
  const violations = plantViolations(ctx, agent, (code) => {
    if (code === 'angry_not_soothed') return angry;
    if (code === 'no_identity_check' || code === 'long_silence_no_hold_notice')
      return ACCOUNT_INTENTS.has(req.intent) && (phone || code === 'no_identity_check');
    if (code === 'interruption') return phone;
    if (code === 'transfer_without_explanation') return transfer;
    return true;
  });
  // A transfer happens at the closing, so a call that skips the closing has no transfer to judge.
  if (violations.has('missing_closing')) violations.delete('transfer_without_explanation');
  const caseId = ctx.nextId('CASE');
  const orderNo = ctx.nextId('WO');
  const callId = ctx.nextId(phone ? 'CALL' : 'CHAT');
  const agentNo = agent.record.employee_no;
  const turns = buildTranscript(rng, {
    channel,
    intent: req.intent,
    angry,
    escalation: threat,
    transfer: transfer && !violations.has('missing_closing'),
    agentNo: agentNo.slice(-4),
    customerNo: ctx.customerNo,
    customerName: profile.record.name,
    idTail: profile.record.id_number?.slice(-4) ?? rng.digits(4),
    slots: { area: profile.area.name.replace(/\d#公变$/, ''), ...req.slots },
    violations,
    habits: ctx.habits,
  });
  // The norm asks for a restatement only once the customer has said enough (see the rule).
  if (!restatementDue(turns)) violations.delete('no_confirmation');
  const endMs = req.atMs + (turns[turns.length - 1]?.end_ms ?? 60_000);
  const call: CallRecord = {
    call_id: callId,
    customer_no: ctx.customerNo,
    agent_employee_no: agentNo,
    channel,
    direction: 'inbound',
    started_at: formatTime(req.atMs),
    ended_at: formatTime(endMs + 1000),
    case_id: caseId,
    order_no: orderNo,
    turns,
  };
  if (phone && profile.record.phone) call.caller_phone = profile.record.phone;

  const handler = req.responsible ?? required(staff.gridManagerByGrid.get(profile.area.gridId), 'grid manager');
  const fieldHandler =
    req.orderType === 'repair' ? required(staff.repairByStation.get(profile.area.stationId), 'repair crew') : handler;
  const life = planLifecycle(rng, {
    type: req.orderType,
    createdMs: endMs,
    endMs: ctx.clock.endMs,
    urban: profile.area.urban,
    handlerSkill: fieldHandler.traits.skill,
    agentNo,
    handlerNo: fieldHandler.record.employee_no,
    ...(req.restoredMs !== undefined ? { restoredMs: req.restoredMs } : {}),
  });
  const order: WorkOrderRecord = {
    order_no: orderNo,
    case_id: caseId,
    customer_no: ctx.customerNo,
    order_type: req.orderType,
    topic_code: req.topic,
    urgency: req.urgency ?? (ctx.profile.record.important ? 'urgent' : 'normal'),
    status: 'accepted',
    channel,
    created_at: formatTime(endMs),
    responsible_employee_no: (complaint ? handler : fieldHandler).record.employee_no,
    summary: req.summary,
  };
  if (complaint || req.orderType === 'report') order.substantiated = req.substantiated ?? rng.chance(0.3);
  finishOrder(order, life);
  if (life.callbackMs !== undefined) {
    let score =
      5 -
      (angry ? 1 : 0) -
      (life.late ? 1 : 0) -
      (complaint ? 1 : 0) -
      (ctx.has('repeat_complainer') ? 1 : 0) -
      (rng.chance(0.2) ? 1 : 0);
    if (fieldHandler.traits.attitude === 'poor' && rng.chance(0.5)) score--;
    order.satisfaction = Math.max(1, Math.min(5, score));
  }
  ctx.batch.push('work_orders', order);
  for (const status of life.statuses) ctx.batch.push('work_order_status', { order_no: orderNo, ...status });
  ctx.batch.push('calls', call);
  ctx.batch.truth.push({
    type: 'call',
    call_id: callId,
    channel,
    agent_employee_no: agentNo,
    customer_no: ctx.customerNo,
    customer_angry: angry,
    violations: [...violations],
  });

  if (life.arrivedMs !== undefined && life.handledMs !== undefined) {
    ctx.trace({
      occurred_at: formatTime(life.handledMs),
      trace_type: 'field_feedback',
      channel: 'field',
      employee_no: fieldHandler.record.employee_no,
      case_id: caseId,
      topic: req.topic,
      attributes: { arrived_at: formatTime(life.arrivedMs), situation: req.summary, late: life.late },
    });
  }
  if (life.callbackMs !== undefined) {
    ctx.trace({
      occurred_at: formatTime(life.callbackMs),
      trace_type: 'callback',
      channel: 'phone_95598',
      employee_no: agentNo,
      case_id: caseId,
      topic: req.topic,
      attributes: { satisfaction: order.satisfaction ?? null },
    });
  }
  if (escalation) {
    const at = endMs + rng.range(2, 72) * HOUR;
    if (ctx.inWorld(at))
      ctx.trace({
        occurred_at: formatTime(at),
        trace_type: 'work_order_created',
        channel: 'internal',
        case_id: caseId,
        topic: req.topic,
        attributes: { escalated_to: rng.pick(['12398', '12345', 'higher_level']), repeat_of: orderNo },
      });
  }
  const influential = ctx.has('high_social_influence');
  const posts =
    (complaint && (escalation || influential) && rng.chance(0.6)) ||
    (influential && (angry ? rng.chance(0.5) : rng.chance(0.15))) ||
    (angry && rng.chance(0.03));
  if (posts) socialPost(ctx, endMs + rng.range(10, 600) * MINUTE, req.topic, req.summary, 'negative', caseId);
}

/** A public post about the power service that the opinion monitor links to the customer. */
export function socialPost(
  ctx: ActivityContext,
  atMs: number,
  topic: Topic,
  text: string,
  sentiment: 'negative' | 'neutral' | 'positive',
  caseId?: string,
): void {
  if (!ctx.inWorld(atMs)) return;
  const { rng } = ctx;
  const followers = ctx.socialFollowers();
  ctx.trace({
    occurred_at: formatTime(atMs),
    trace_type: 'social_post',
    channel: 'social_media',
    ...(caseId !== undefined ? { case_id: caseId } : {}),
    topic,
    attributes: { platform: rng.pick(SOCIAL), followers, sentiment, text },
  });
}
