import { describe, expect, it } from 'vitest';
import { type ChainOrder, evaluateChain, SLA_TOLERANCE_MS } from './chain-rules.js';

/** An opinion order accepted at 10:00 Beijing time, due at 18:00, called back before it closed. */
function order(handledAt: string | null, extra: Partial<ChainOrder> = {}): ChainOrder {
  const statuses: ChainOrder['statuses'] = [
    { seq: 1, status: 'accepted', at: new Date('2026-10-26T02:00:00Z'), note: null },
  ];
  if (handledAt) {
    statuses.push({ seq: 2, status: 'handled', at: new Date(handledAt), note: null });
    statuses.push({ seq: 3, status: 'callback', at: new Date(handledAt), note: '客户认可' });
  }
  return {
    orderNo: 'W1',
    caseId: 'K1',
    orderType: 'opinion',
    createdAt: new Date('2026-10-26T02:00:00Z'),
    closedAt: handledAt ? new Date(handledAt) : null,
    slaDeadline: new Date('2026-10-26T10:00:00Z'),
    responsible: null,
    statuses,
    traces: [],
    calls: [],
    ...extra,
  };
}
const now = new Date('2026-10-27T00:00:00Z');
const sla = (o: ChainOrder, lang?: 'zh-CN' | 'en') =>
  evaluateChain(o, now, lang).find((f) => f.ruleCode === 'chain.sla_missed');

describe('chain.sla_missed', () => {
  it('lets an order handled within the tolerance pass: 25 s late is recording lag', () => {
    expect(SLA_TOLERANCE_MS).toBe(5 * 60_000);
    expect(sla(order('2026-10-26T10:00:25Z'))).toBeUndefined();
    expect(sla(order('2026-10-26T10:05:00Z'))).toBeUndefined();
  });

  it('reports an overrun under 2 hours in minutes, from 2 hours in hours, on the Beijing clock', () => {
    expect(sla(order('2026-10-26T10:33:17Z'))?.explanation).toBe(
      '办理时限 2026-10-26 18:00，办结于 2026-10-26 18:33，超时 33 分钟',
    );
    expect(sla(order('2026-10-26T12:30:00Z'))?.explanation).toBe(
      '办理时限 2026-10-26 18:00，办结于 2026-10-26 20:30，超时 2.5 小时',
    );
    expect(sla(order(null))?.explanation).toBe(
      '办理时限 2026-10-26 18:00，截至 2026-10-27 08:00 仍未办结，超时 14.0 小时',
    );
  });

  it('names the order type by the vocabulary, and speaks English when asked', () => {
    const zh = sla(order('2026-10-26T10:33:17Z'));
    expect(zh?.evidence.map((e) => e.text)).toEqual(['办理时限（意见工单）', '办结']);
    expect(zh?.evidence[0]?.at).toBe('2026-10-26T10:00:00.000Z');
    const en = sla(order('2026-10-26T10:33:17Z'), 'en');
    expect(en?.ruleName).toBe('Deadline missed');
    expect(en?.explanation).toBe('Deadline 2026-10-26 18:00, handled at 2026-10-26 18:33: 33 min late');
    expect(en?.evidence.map((e) => e.text)).toEqual(['Deadline (Opinion order)', 'Handled']);
  });
});

describe('chain.closed_without_contact and chain.reply_contradicts_field', () => {
  const closed = new Date('2026-10-26T09:00:00Z');
  const repair = order(null, {
    orderType: 'repair',
    closedAt: closed,
    statuses: [
      { seq: 1, status: 'accepted', at: new Date('2026-10-26T02:00:00Z'), note: null },
      { seq: 2, status: 'arrived', at: new Date('2026-10-26T03:00:00Z'), note: '需更换表箱' },
      { seq: 3, status: 'closed', at: closed, note: '已修复' },
    ],
  });

  it('explains in Chinese with local times, status and type names, no codes', () => {
    const [noContact, contradiction] = evaluateChain(repair, now);
    expect(noContact?.explanation).toBe('工单于 2026-10-26 17:00 结单，受理后无回访状态、回访记录或外呼客户的通话');
    expect(noContact?.evidence.map((e) => e.text)).toEqual([
      '故障报修工单结单',
      '已受理',
      '已到达现场：需更换表箱',
      '已办结：已修复',
    ]);
    expect(contradiction?.evidence.map((e) => e.text)).toEqual([
      '现场反馈「需更换表箱」（需更换）',
      '答复客户「已修复」（已修复）',
    ]);
  });

  it('explains in English when asked; quoted notes stay as written', () => {
    const [noContact, contradiction] = evaluateChain(repair, now, 'en');
    expect(noContact?.ruleName).toBe('Closed without contacting the customer');
    expect(noContact?.explanation).toBe(
      'Closed at 2026-10-26 17:00 with no callback status, callback record or outbound call to the customer after it was accepted',
    );
    expect(noContact?.evidence.map((e) => e.text)).toEqual([
      'Repair order closed',
      'Accepted',
      'Arrived on site: 需更换表箱',
      'Closed: 已修复',
    ]);
    expect(contradiction?.explanation).toBe(
      'The field crew reported the problem unresolved, yet the customer was later told it was fixed',
    );
    expect(contradiction?.evidence.map((e) => e.text)).toEqual([
      'Field feedback “需更换表箱” (需更换)',
      'Reply to the customer “已修复” (已修复)',
    ]);
  });
});
