import { describe, expect, it } from 'vitest';
import { maskAddress } from '../../customers/masking.js';
import { alignOffsets, maskWithOffsets } from './masked-spans.js';

const owner = { name: '张三明', customer_type: 'residential', address: '湖南省长沙市岳麓区麓山南路12号' };

describe('maskWithOffsets', () => {
  it('keeps offsets when the masks keep the length (name, mobile number)', () => {
    const text = '张三明您好，您的号码13912345678对吗';
    const m = maskWithOffsets(text, [owner]);
    expect(m.text).toBe('张*明您好，您的号码139****5678对吗');
    expect(m.offset(5)).toBe(5);
    expect(m.text.slice(m.offset(10), m.offset(21))).toBe('139****5678');
  });

  it('moves a span after a shortened address onto the same words', () => {
    const text = `地址是${owner.address}，请您稍等`;
    const m = maskWithOffsets(text, [owner]);
    expect(m.text).toBe(`地址是${maskAddress(owner.address)}，请您稍等`);
    const start = text.indexOf('请您稍等');
    expect(m.text.slice(m.offset(start), m.offset(start + 4))).toBe('请您稍等');
  });

  it('maps a span inside a masked part onto the mask', () => {
    const text = `地址是${owner.address}`;
    const m = maskWithOffsets(text, [owner]);
    const start = text.indexOf('麓山南路');
    const s = m.offset(start);
    const e = m.offset(start + 4);
    expect(s).toBeGreaterThanOrEqual(3);
    expect(e).toBeLessThanOrEqual(m.text.length);
    expect(s).toBeLessThanOrEqual(e);
  });
});

describe('alignOffsets', () => {
  it('maps every offset of equal strings to itself', () => {
    expect(alignOffsets('abc', 'abc')).toEqual([0, 1, 2, 3]);
  });
  it('maps a replaced middle onto its replacement', () => {
    expect(alignOffsets('aXYZb', 'a*b')).toEqual([0, 1, 1, 1, 2, 3]);
  });
});
