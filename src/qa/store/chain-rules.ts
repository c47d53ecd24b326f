/**
 * Work-order full-chain QA (工单全流程质检, Q2): rules over a whole case chain — call → work
 * order → dispatch → field feedback → callback — rather than over one transcript. Each rule is
 * data plus a check that returns its finding with the figures and the texts behind it. Pure.
 */
import type { QaChainEvidence, QaChainFinding } from '../../api/qa-contract.js';
import { DEFAULT_LANGUAGE, type Language } from '../../traces/attribute-labels.js';
import { type ChainTexts, chainTexts } from './chain-texts.js';

export interface ChainOrder {
  orderNo: string;
  caseId: string;
  orderType: string;
  createdAt: Date;
  closedAt: Date | null;
  slaDeadline: Date | null;
  responsible: { employeeNo: string; name: string } | null;
  statuses: { seq: number; status: string; at: Date; note: string | null }[];
  /** Traces of the case: callbacks and field feedback. */
  traces: { traceId: number; type: string; at: Date; text: string | null; resolved: boolean | null }[];
  /** Calls on the case or order, with the agent's words. */
  calls: {
    callId: string;
    direction: 'inbound' | 'outbound';
    startedAt: Date;
    agentTurns: { seq: number; text: string }[];
  }[];
}

export const CHAIN_RULES = {
  'chain.closed_without_contact': {
    name: '未联系客户即结单',
    en: 'Closed without contacting the customer',
    points: -5,
  },
  'chain.reply_contradicts_field': {
    name: '答复与现场反馈矛盾',
    en: 'Reply contradicts the field feedback',
    points: -5,
  },
  'chain.sla_missed': { name: '超出办理时限', en: 'Deadline missed', points: -3 },
} as const;

/**
 * An order handled this little after its deadline has not missed it. Status times are entered
 * by the crew's handheld or the operator after the work is done, and the dispatch and 95598
 * systems' clocks differ by seconds to minutes: 25 s over is recording lag, not a late
 * service, and no inspector would deduct for it.
 */
export const SLA_TOLERANCE_MS = 5 * 60_000;
export type ChainRuleCode = keyof typeof CHAIN_RULES;

/** Order types closed without a callback by the norms (answered in the call itself). */
const NO_CALLBACK_TYPES = new Set(['consultation', 'praise']);
/** What the field crew reports when the problem is not fixed. */
export const UNRESOLVED_WORDS = [
  '未修复',
  '未解决',
  '无法修复',
  '未恢复',
  '尚未恢复',
  '待处理',
  '需更换',
  '需要更换',
  '需停电处理',
  '客户不在家',
  '未到场',
  '未处理',
];
/** What a reply to the customer says when it tells them the problem is fixed. */
export const RESOLVED_WORDS = [
  '已修复',
  '已经修复',
  '修好了',
  '已恢复',
  '已经恢复',
  '恢复供电了',
  '已解决',
  '已经解决',
  '处理完毕',
  '已处理好',
  '已经处理好',
];

const iso = (d: Date) => d.toISOString();
const firstWord = (text: string, words: readonly string[]) => words.find((w) => text.includes(w));

function finding(
  order: ChainOrder,
  code: ChainRuleCode,
  lang: Language,
  explanation: string,
  evidence: QaChainEvidence[],
): QaChainFinding {
  return {
    caseId: order.caseId,
    orderNo: order.orderNo,
    ruleCode: code,
    ruleName: lang === 'en' ? CHAIN_RULES[code].en : CHAIN_RULES[code].name,
    points: CHAIN_RULES[code].points,
    explanation,
    evidence,
    responsible: order.responsible,
  };
}

function closedWithoutContact(o: ChainOrder, lang: Language, say: ChainTexts): QaChainFinding | null {
  if (!o.closedAt || NO_CALLBACK_TYPES.has(o.orderType)) return null;
  const created = o.createdAt.getTime();
  const closed = o.closedAt.getTime();
  const within = (d: Date) => d.getTime() > created && d.getTime() <= closed;
  const contact =
    o.statuses.some((s) => s.status === 'callback' && within(s.at)) ||
    o.traces.some((t) => t.type === 'callback' && within(t.at)) ||
    o.calls.some((c) => c.direction === 'outbound' && within(c.startedAt));
  if (contact) return null;
  return finding(o, 'chain.closed_without_contact', lang, say.closedWithoutContact(o.closedAt), [
    { kind: 'work_order', ref: o.orderNo, at: iso(o.closedAt), text: say.orderClosed(o.orderType) },
    ...o.statuses.map((s) => ({
      kind: 'status' as const,
      ref: `${o.orderNo}#${s.seq}`,
      at: iso(s.at),
      text: say.statusLine(s.status, s.note),
    })),
  ]);
}

function replyContradictsField(o: ChainOrder, lang: Language, say: ChainTexts): QaChainFinding | null {
  const field: QaChainEvidence[] = [];
  for (const s of o.statuses) {
    const word =
      s.note && (s.status === 'arrived' || s.status === 'handled') ? firstWord(s.note, UNRESOLVED_WORDS) : undefined;
    if (word && s.note)
      field.push({
        kind: 'status',
        ref: `${o.orderNo}#${s.seq}`,
        at: iso(s.at),
        text: say.fieldFeedback(s.note, word),
      });
  }
  for (const t of o.traces.filter((x) => x.type === 'field_feedback')) {
    const word = t.text ? firstWord(t.text, UNRESOLVED_WORDS) : undefined;
    if (t.resolved === false || word)
      field.push({
        kind: 'trace',
        ref: String(t.traceId),
        at: iso(t.at),
        text: say.fieldFeedback(t.text ?? say.markedUnresolved, word),
      });
  }
  if (field.length === 0) return null;
  const since = Math.min(...field.map((f) => Date.parse(f.at ?? '')));
  const replies: QaChainEvidence[] = [];
  for (const s of o.statuses) {
    const word =
      s.note && (s.status === 'callback' || s.status === 'closed') ? firstWord(s.note, RESOLVED_WORDS) : undefined;
    if (word && s.note && s.at.getTime() >= since)
      replies.push({
        kind: 'status',
        ref: `${o.orderNo}#${s.seq}`,
        at: iso(s.at),
        text: say.replyToCustomer(s.note, word),
      });
  }
  for (const c of o.calls.filter((x) => x.startedAt.getTime() >= since)) {
    for (const turn of c.agentTurns) {
      const word = firstWord(turn.text, RESOLVED_WORDS);
      if (word)
        replies.push({
          kind: 'call_turn',
          ref: `${c.callId}#${turn.seq}`,
          at: iso(c.startedAt),
          text: say.agentReply(turn.text, word),
        });
    }
  }
  if (replies.length === 0) return null;
  return finding(o, 'chain.reply_contradicts_field', lang, say.replyContradictsField, [...field, ...replies]);
}

function slaMissed(o: ChainOrder, now: Date, lang: Language, say: ChainTexts): QaChainFinding | null {
  if (!o.slaDeadline) return null;
  const handled = o.statuses.find((s) => s.status === 'handled')?.at ?? o.closedAt;
  const overdue = (handled ?? now).getTime() - o.slaDeadline.getTime();
  if (overdue <= SLA_TOLERANCE_MS) return null;
  return finding(o, 'chain.sla_missed', lang, say.slaMissed(o.slaDeadline, handled, now, overdue), [
    { kind: 'work_order', ref: o.orderNo, at: iso(o.slaDeadline), text: say.deadline(o.orderType) },
    ...(handled ? [{ kind: 'status' as const, ref: o.orderNo, at: iso(handled), text: say.handled }] : []),
  ]);
}

/** The chain's findings, explained in `lang`. */
export function evaluateChain(order: ChainOrder, now: Date, lang: Language = DEFAULT_LANGUAGE): QaChainFinding[] {
  const say = chainTexts(lang);
  return [
    closedWithoutContact(order, lang, say),
    replyContradictsField(order, lang, say),
    slaMissed(order, now, lang, say),
  ].filter((f): f is QaChainFinding => f !== null);
}
