import { describe, expect, it } from 'vitest';
import { summariseTrace } from './trace-summary.js';

describe('summariseTrace', () => {
  it('names the type and topic in Chinese and leads with the summary attribute', () => {
    expect(summariseTrace('work_order_created', 'outage', { summary: '整栋楼停电', order_type: 'complaint' })).toBe(
      '工单受理 · 停电问题 · 整栋楼停电 · 投诉',
    );
  });

  it('formats amounts and keeps at most three attributes', () => {
    expect(summariseTrace('payment', null, { amount: 128.5, status: 'ok', result: 'x', note: 'y' })).toBe(
      '缴费 · 状态 ok · 结果 x · 金额 128.50元',
    );
  });

  it('leaves out personal data keys and masks phone numbers in free text', () => {
    const text = summariseTrace('sms_sent', 'outage_notice', { phone: '13812345678', content: '请致电13812345678' });
    expect(text).toBe('短信通知 · 停电通知 · 请致电138****5678');
  });

  it.each([
    ['请致电13812345678', '请致电138****5678'],
    ['身份证430104198807151234', '身份证430***********1234'],
    ['座机0731-84561234', '座机073******1234'],
    ['账单B202610000001', '账单B202610000001'],
    ['电表33300000000001', '电表33300000000001'],
  ])('masks personal numbers but keeps business numbers in %s', (input, expected) => {
    expect(summariseTrace('sms_sent', null, { content: input })).toBe(`短信通知 · ${expected}`);
  });
});
